namespace Analytics.Reporting.Charts;

/// <summary>
/// How a category is named in the reader's language: the protected cell's code and its (Swedish) label in, the name
/// to draw out. Charts draw the label itself when none is given.
/// </summary>
public delegate string CategoryName(string code, string label);
