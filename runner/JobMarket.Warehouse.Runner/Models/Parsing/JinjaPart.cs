namespace JobMarket.Warehouse.Runner.Models.Parsing;

/// <summary>
/// One piece of a parsed template: literal text, an expression (<c>{{ ref('x') }}</c>, <c>{{ this }}</c>),
/// or an <c>{% if [not] is_incremental() %}</c> block with its two branches. <see cref="Newlines"/>
/// counts the line breaks the source spent on the piece, so a rendering keeps every line in place.
/// </summary>
internal sealed record JinjaPart(
    JinjaPartKind Kind,
    int Line,
    string Text = "",
    JinjaCall? Call = null,
    bool Negated = false,
    IReadOnlyList<JinjaPart>? Then = null,
    IReadOnlyList<JinjaPart>? Else = null,
    int Newlines = 0);
