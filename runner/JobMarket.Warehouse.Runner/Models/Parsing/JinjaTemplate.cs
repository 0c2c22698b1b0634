using System.Text;

namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>
/// The Jinja subset of model files (docs/model-files.md): <c>{{ config(..) }}</c>, <c>{{ ref('m') }}</c>,
/// <c>{{ source('s', 't') }}</c>, <c>{{ this }}</c>, <c>{% if [not] is_incremental() %} .. {% else %} ..
/// {% endif %}</c> and <c>{# comments #}</c>. Anything else is a <see cref="ProjectException"/> naming the
/// file and line. Rendering keeps line numbers: removed pieces leave their line breaks behind, so
/// a PostgreSQL error in rendered SQL points at the same line of the model file.
/// </summary>
internal sealed class JinjaTemplate
{
    private static readonly HashSet<string> s_functions = ["config", "ref", "source", "is_incremental"];

    private JinjaTemplate(string file, IReadOnlyList<JinjaPart> parts, IReadOnlyList<JinjaPart> calls)
    {
        File = file;
        Parts = parts;
        Calls = calls;
    }

    public string File { get; }
    public IReadOnlyList<JinjaPart> Parts { get; }

    /// <summary>Every expression in the template, both branches of every <c>if</c> included.</summary>
    public IReadOnlyList<JinjaPart> Calls { get; }

    public static JinjaTemplate Parse(string file, string text)
    {
        var calls = new List<JinjaPart>();
        var pos = 0;
        var parts = ParseBlock(file, text, ref pos, calls, out var terminator);
        if (terminator is not null)
        {
            throw new ProjectException(file, terminator.Value.Line, $"'{{% {terminator.Value.Word} %}}' without a matching '{{% if %}}'");
        }
        return new JinjaTemplate(file, parts, calls);
    }

    public string Render(RenderContext context)
    {
        var sb = new StringBuilder();
        Render(Parts, context, sb);
        return sb.ToString();
    }

    private static void Render(IReadOnlyList<JinjaPart> parts, RenderContext context, StringBuilder sb)
    {
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case JinjaPartKind.Text:
                    sb.Append(part.Text);
                    break;
                case JinjaPartKind.Expression:
                    sb.Append(Evaluate(part.Call!, context));
                    sb.Append('\n', part.Newlines);
                    break;
                case JinjaPartKind.If:
                    var take = context.IsIncremental != part.Negated;
                    sb.Append('\n', part.Newlines);
                    Render(take ? part.Then! : part.Else!, context, sb);
                    Blank(take ? part.Else! : part.Then!, sb);
                    break;
            }
        }
    }

    // A branch not taken still owes its line breaks.
    private static void Blank(IReadOnlyList<JinjaPart> parts, StringBuilder sb)
    {
        foreach (var part in parts)
        {
            sb.Append('\n', part.Kind == JinjaPartKind.Text ? part.Text.Count(c => c == '\n') : part.Newlines);
            if (part.Kind == JinjaPartKind.If)
            {
                Blank(part.Then!, sb);
                Blank(part.Else!, sb);
            }
        }
    }

    private static string Evaluate(JinjaCall call, RenderContext context) => call.Name switch
    {
        "this" => context.This,
        "config" => "",
        "ref" => context.Ref((string)call.Positional[0]!),
        "source" => context.Source((string)call.Positional[0]!, (string)call.Positional[1]!),
        "is_incremental" => context.IsIncremental ? "true" : "false",
        _ => throw new InvalidOperationException(call.Name),
    };

    private static List<JinjaPart> ParseBlock(string file, string text, ref int pos, List<JinjaPart> calls, out (string Word, int Line, int Newlines)? terminator)
    {
        var parts = new List<JinjaPart>();
        terminator = null;
        while (pos < text.Length)
        {
            var open = NextTag(text, pos);
            if (open < 0)
            {
                parts.Add(new JinjaPart(JinjaPartKind.Text, Line(text, pos), text[pos..]));
                pos = text.Length;
                break;
            }
            if (open > pos)
            {
                parts.Add(new JinjaPart(JinjaPartKind.Text, Line(text, pos), text[pos..open]));
            }
            var line = Line(text, open);
            var kind = text[open + 1];
            var closer = kind switch { '{' => "}}", '%' => "%}", _ => "#}" };
            var close = text.IndexOf(closer, open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ProjectException(file, line, $"'{text.Substring(open, 2)}' is not closed by '{closer}'");
            }
            var inner = text[(open + 2)..close].Trim().Trim('-').Trim();
            var newlines = text[open..close].Count(c => c == '\n');
            pos = close + 2;
            if (kind == '#')
            {
                parts.Add(new JinjaPart(JinjaPartKind.Text, line, new string('\n', newlines)));
            }
            else if (kind == '{')
            {
                var part = new JinjaPart(JinjaPartKind.Expression, line, Call: ParseExpression(file, line, inner), Newlines: newlines);
                calls.Add(part);
                parts.Add(part);
            }
            else
            {
                var word = inner.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                switch (word)
                {
                    case "if":
                        var condition = inner[2..].Trim();
                        var negated = condition.StartsWith("not ", StringComparison.Ordinal);
                        if (negated)
                        {
                            condition = condition[4..].Trim();
                        }
                        if (condition.Replace(" ", "", StringComparison.Ordinal) != "is_incremental()")
                        {
                            throw new ProjectException(file, line, $"unsupported condition '{condition}': only 'is_incremental()' and 'not is_incremental()' are allowed");
                        }
                        var then = ParseBlock(file, text, ref pos, calls, out var end);
                        List<JinjaPart> otherwise = [];
                        var tagNewlines = newlines + (end?.Newlines ?? 0);
                        if (end?.Word == "else")
                        {
                            otherwise = ParseBlock(file, text, ref pos, calls, out end);
                            tagNewlines += end?.Newlines ?? 0;
                        }
                        if (end?.Word != "endif")
                        {
                            throw new ProjectException(file, line, "'{% if %}' is not closed by '{% endif %}'");
                        }
                        parts.Add(new JinjaPart(JinjaPartKind.If, line, Negated: negated, Then: then, Else: otherwise, Newlines: tagNewlines));
                        break;
                    case "else" or "endif" when inner == word:
                        // The tag's own line breaks are counted by the enclosing if.
                        terminator = (word, line, newlines);
                        return parts;
                    default:
                        throw new ProjectException(file, line, $"unsupported Jinja '{{% {inner} %}}': only if is_incremental() / else / endif are allowed");
                }
            }
        }
        return parts;
    }

    private static int Line(string text, int index) => Database.SqlScript.LineAt(text, index);

    private static int NextTag(string text, int from)
    {
        for (var i = text.IndexOf('{', from); i >= 0 && i + 1 < text.Length; i = text.IndexOf('{', i + 1))
        {
            if (text[i + 1] is '{' or '%' or '#')
            {
                return i;
            }
        }
        return -1;
    }

    private static JinjaCall ParseExpression(string file, int line, string inner)
    {
        if (inner == "this")
        {
            return new JinjaCall("this", [], new Dictionary<string, object?>());
        }
        var paren = inner.IndexOf('(', StringComparison.Ordinal);
        var name = paren < 0 ? inner : inner[..paren].Trim();
        if (paren < 0 || !inner.EndsWith(')') || !s_functions.Contains(name))
        {
            throw new ProjectException(file, line, $"unsupported Jinja '{{{{ {inner} }}}}': only config(), ref(), source(), this and is_incremental() are allowed");
        }
        JinjaCall call;
        try
        {
            var (positional, named) = LiteralParser.ParseArguments(inner[(paren + 1)..^1]);
            call = new JinjaCall(name, positional, named);
        }
        catch (FormatException ex)
        {
            throw new ProjectException(file, line, $"{name}(): {ex.Message}");
        }
        var valid = name switch
        {
            "ref" => call.Positional.Count == 1 && call.Positional[0] is string && call.Named.Count == 0,
            "source" => call.Positional.Count == 2 && call.Positional.All(p => p is string) && call.Named.Count == 0,
            "is_incremental" => call.Positional.Count == 0 && call.Named.Count == 0,
            _ => call.Positional.Count == 0,
        };
        if (!valid)
        {
            throw new ProjectException(file, line, name switch
            {
                "ref" => "ref() takes one quoted model name: ref('model')",
                "source" => "source() takes two quoted names: source('source', 'table')",
                "is_incremental" => "is_incremental() takes no arguments",
                _ => "config() takes keyword arguments only: config(materialized='table')",
            });
        }
        return call;
    }
}
