using System.Globalization;
using System.Text;

namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>
/// Reads the arguments of a Jinja call written as Python literals: strings, numbers,
/// <c>true</c>/<c>false</c>/<c>none</c>, lists, dicts, and <c>name=value</c> keyword arguments.
/// Values come back as string, long, double, bool, null, <c>List&lt;object?&gt;</c> or
/// <c>Dictionary&lt;string, object?&gt;</c>.
/// </summary>
internal sealed class LiteralParser
{
    private readonly string _text;
    private int _pos;

    private LiteralParser(string text) => _text = text;

    public static (List<object?> Positional, Dictionary<string, object?> Named) ParseArguments(string text)
    {
        var parser = new LiteralParser(text);
        var positional = new List<object?>();
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        parser.SkipSpace();
        while (!parser.AtEnd)
        {
            var save = parser._pos;
            if (parser.TryIdentifier(out var name))
            {
                parser.SkipSpace();
                if (parser.Peek() == '=' && parser.PeekAt(1) != '=')
                {
                    parser._pos++;
                    if (named.ContainsKey(name))
                    {
                        throw new FormatException($"argument '{name}' given twice");
                    }
                    named[name] = parser.Value();
                    parser.EndOfItem();
                    continue;
                }
                parser._pos = save;
            }
            if (named.Count > 0)
            {
                throw new FormatException("a positional argument follows a keyword argument");
            }
            positional.Add(parser.Value());
            parser.EndOfItem();
        }
        return (positional, named);
    }

    /// <summary>One literal value (used for YAML strings such as <c>ref('company')</c> too).</summary>
    public static object? ParseValue(string text)
    {
        var parser = new LiteralParser(text);
        var value = parser.Value();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw new FormatException($"unexpected '{parser.Peek()}' after the value");
        }
        return value;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private char PeekAt(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private void EndOfItem()
    {
        SkipSpace();
        if (AtEnd)
        {
            return;
        }
        if (Peek() != ',')
        {
            throw new FormatException($"expected ',' but found '{Peek()}'");
        }
        _pos++;
        SkipSpace();
    }

    private bool TryIdentifier(out string name)
    {
        var start = _pos;
        if (!AtEnd && (char.IsLetter(_text[_pos]) || _text[_pos] == '_'))
        {
            while (!AtEnd && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }
        }
        name = _text[start.._pos];
        return name.Length > 0;
    }

    private object? Value()
    {
        SkipSpace();
        var c = Peek();
        object? value;
        if (c is '\'' or '"')
        {
            value = String(c);
        }
        else if (c == '[')
        {
            value = Sequence('[', ']');
        }
        else if (c == '(')
        {
            value = Sequence('(', ')');
        }
        else if (c == '{')
        {
            value = Mapping();
        }
        else if (char.IsDigit(c) || c is '-' or '+' or '.')
        {
            value = Number();
        }
        else if (TryIdentifier(out var word))
        {
            value = word switch
            {
                "true" or "True" => true,
                "false" or "False" => false,
                "none" or "None" => null,
                _ => Call(word),
            };
        }
        else
        {
            throw new FormatException(AtEnd ? "a value is missing" : $"unexpected '{c}'");
        }
        SkipSpace();
        return value;
    }

    // A nested call such as ref('company') inside a YAML test argument.
    private JinjaCall Call(string name)
    {
        SkipSpace();
        if (Peek() != '(')
        {
            throw new FormatException($"unknown name '{name}' (strings need quotes)");
        }
        var start = ++_pos;
        var depth = 1;
        while (!AtEnd && depth > 0)
        {
            var c = _text[_pos];
            if (c is '\'' or '"')
            {
                String(c);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            _pos++;
        }
        if (depth > 0)
        {
            throw new FormatException($"'{name}(' is not closed");
        }
        var (positional, named) = ParseArguments(_text[start..(_pos - 1)]);
        return new JinjaCall(name, positional, named);
    }

    private string String(char quote)
    {
        _pos++;
        var sb = new StringBuilder();
        while (!AtEnd && _text[_pos] != quote)
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
            {
                _pos++;
                sb.Append(_text[_pos] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else
            {
                sb.Append(_text[_pos]);
            }
            _pos++;
        }
        if (AtEnd)
        {
            throw new FormatException("a string is not closed");
        }
        _pos++;
        return sb.ToString();
    }

    private object Number()
    {
        var start = _pos;
        _pos++;
        while (!AtEnd && (char.IsDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '_'))
        {
            _pos++;
        }
        var token = _text[start.._pos].Replace("_", "", StringComparison.Ordinal);
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }
        throw new FormatException($"'{token}' is not a number");
    }

    private List<object?> Sequence(char open, char close)
    {
        _pos++;
        var items = new List<object?>();
        SkipSpace();
        while (Peek() != close)
        {
            if (AtEnd)
            {
                throw new FormatException($"'{open}' is not closed");
            }
            items.Add(Value());
            if (Peek() == ',')
            {
                _pos++;
                SkipSpace();
            }
            else if (Peek() != close)
            {
                throw new FormatException($"expected ',' or '{close}' but found '{Peek()}'");
            }
        }
        _pos++;
        return items;
    }

    private Dictionary<string, object?> Mapping()
    {
        _pos++;
        var items = new Dictionary<string, object?>(StringComparer.Ordinal);
        SkipSpace();
        while (Peek() != '}')
        {
            if (AtEnd)
            {
                throw new FormatException("'{' is not closed");
            }
            if (Value() is not string key)
            {
                throw new FormatException("a dict key must be a quoted string");
            }
            if (Peek() != ':')
            {
                throw new FormatException($"expected ':' after '{key}'");
            }
            _pos++;
            items[key] = Value();
            if (Peek() == ',')
            {
                _pos++;
                SkipSpace();
            }
            else if (Peek() != '}')
            {
                throw new FormatException($"expected ',' or '}}' but found '{Peek()}'");
            }
        }
        _pos++;
        return items;
    }
}
