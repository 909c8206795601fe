using Analytics.Core.Disclosure;

namespace Analytics.Web.Pages.Balance;

/// <summary>
/// One dimension of a planned event's registrations against the targets, as a table; WithPanel adds the columns of the
/// speaker panel checker (the panel, and the share and gap with it).
/// </summary>
public sealed record PanelTableView(string Id, string Caption, PanelBalance Balance, ProtectedReport Report, bool WithPanel);
