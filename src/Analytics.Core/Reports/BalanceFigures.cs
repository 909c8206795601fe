namespace Analytics.Core.Reports;

/// <summary>
/// One dimension of a scope against the target mix, raw: every category with a target or with people, its count among
/// the breakdown's Total and its target share (0 where none is set). Disclosure control computes shares, intervals and
/// gaps from these when it protects the report, so they follow the threshold in force at that time.
/// </summary>
public sealed record BalanceFigures(string Dimension, bool IsExample, int Total, IReadOnlyList<BalanceCount> Categories);

/// <summary>The raw count of one category and the share the steering group aims for.</summary>
public sealed record BalanceCount(string Code, string Label, int Count, double Target);
