using Npgsql;

namespace JobMarket.Warehouse.Runner.Database;

/// <summary>
/// A SQL script split into statements, each with its offset in the script, so that a PostgreSQL
/// error (whose position counts from the start of the failing statement) maps back to a line of
/// the file. The lexer knows quotes, quoted identifiers, comments and dollar-quoted bodies.
/// </summary>
internal sealed class SqlScript
{
    private SqlScript(string text, IReadOnlyList<(int Offset, string Sql)> statements)
    {
        Text = text;
        Statements = statements;
    }

    public string Text { get; }
    public IReadOnlyList<(int Offset, string Sql)> Statements { get; }

    public static SqlScript Parse(string text)
    {
        var statements = new List<(int, string)>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'' || c == '"')
            {
                i = SkipQuoted(text, i, c);
            }
            else if (c == '-' && Peek(text, i + 1) == '-')
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end + 1;
            }
            else if (c == '/' && Peek(text, i + 1) == '*')
            {
                i = SkipBlockComment(text, i);
            }
            else if (c == '$' && TryDollarTag(text, i, out var tag))
            {
                var close = text.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + tag.Length;
            }
            else if (c == ';')
            {
                Add(statements, text, start, i);
                start = i + 1;
                i++;
            }
            else
            {
                i++;
            }
        }
        Add(statements, text, start, text.Length);
        return new SqlScript(text, statements);
    }

    /// <summary>
    /// Runs the statements one by one (so the failing one is known: Npgsql leaves
    /// <c>PostgresException.BatchCommand</c> empty here); on error, records the script line in the
    /// exception's data and rethrows.
    /// </summary>
    public async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct = default)
    {
        var affected = 0;
        foreach (var (offset, sql) in Statements)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            try
            {
                affected += Math.Max(0, await command.ExecuteNonQueryAsync(ct));
            }
            catch (PostgresException ex)
            {
                var within = ex.Position > 0 ? Math.Min(ex.Position - 1, sql.Length) : FirstNonSpace(sql);
                ex.Data[LineKey] = LineAt(Text, offset + within);
                throw;
            }
        }
        return affected;
    }

    /// <summary>The 1-based line in the script where the error points, when it can be told.</summary>
    public static int? LineOf(PostgresException ex) => ex.Data[LineKey] as int?;

    private const string LineKey = "jobmarket.line";

    public static int LineAt(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }
        return line;
    }

    private static int FirstNonSpace(string sql)
    {
        var i = 0;
        while (i < sql.Length && char.IsWhiteSpace(sql[i]))
        {
            i++;
        }
        return i;
    }

    private static void Add(List<(int, string)> statements, string text, int start, int end)
    {
        var sql = text[start..end];
        if (!IsBlank(sql))
        {
            statements.Add((start, sql));
        }
    }

    // Blank means only white space and comments: nothing PostgreSQL would run.
    private static bool IsBlank(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            if (char.IsWhiteSpace(sql[i]))
            {
                i++;
            }
            else if (sql[i] == '-' && Peek(sql, i + 1) == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end + 1;
            }
            else if (sql[i] == '/' && Peek(sql, i + 1) == '*')
            {
                i = SkipBlockComment(sql, i);
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private static char Peek(string text, int i) => i < text.Length ? text[i] : '\0';

    private static int SkipQuoted(string text, int i, char quote)
    {
        i++;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                if (Peek(text, i + 1) == quote)
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static int SkipBlockComment(string text, int i)
    {
        var depth = 0;
        while (i < text.Length)
        {
            if (text[i] == '/' && Peek(text, i + 1) == '*')
            {
                depth++;
                i += 2;
            }
            else if (text[i] == '*' && Peek(text, i + 1) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }
        return i;
    }

    private static bool TryDollarTag(string text, int i, out string tag)
    {
        // $$ or $name$ where name is an identifier; $1 (a parameter) is not a tag.
        var j = i + 1;
        while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '_'))
        {
            j++;
        }
        if (j < text.Length && text[j] == '$' && (j == i + 1 || !char.IsDigit(text[i + 1])))
        {
            tag = text[i..(j + 1)];
            return true;
        }
        tag = "";
        return false;
    }
}
