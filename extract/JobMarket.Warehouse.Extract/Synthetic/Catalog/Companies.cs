namespace JobMarket.Warehouse.Extract.Synthetic.Catalog;

/// <summary>
/// Employers in Zipf rank order: a few large recruiters post most offers, thousands of small firms post
/// one or two. The large ones are real names; the tail is built from surnames and trades.
/// </summary>
internal static class Companies
{
    private static readonly JobFamily[] Tech = [JobFamily.Data, JobFamily.Software, JobFamily.Infrastructure, JobFamily.ItManagement];
    private static readonly JobFamily[] Corporate =
        [.. Tech, JobFamily.Sales, JobFamily.Office, JobFamily.Finance, JobFamily.People, JobFamily.Marketing];
    private static readonly JobFamily[] Staffing =
        [JobFamily.Logistics, JobFamily.Construction, JobFamily.Cleaning, JobFamily.Office, JobFamily.Retail, JobFamily.Hospitality, JobFamily.Agriculture, JobFamily.Health, JobFamily.Finance];
    private static readonly JobFamily[] Stores = [JobFamily.Retail, JobFamily.Logistics, JobFamily.Sales, JobFamily.Hospitality, JobFamily.Data, JobFamily.Finance, JobFamily.People, JobFamily.Marketing];
    private static readonly JobFamily[] Care = [JobFamily.Health, JobFamily.Office, JobFamily.Cleaning, JobFamily.Hospitality];
    private static readonly JobFamily[] Freight = [JobFamily.Logistics, JobFamily.Office, JobFamily.Data, JobFamily.Infrastructure];
    private static readonly JobFamily[] Catering = [JobFamily.Hospitality, JobFamily.Cleaning, JobFamily.Logistics];
    private static readonly JobFamily[] Building = [JobFamily.Construction, JobFamily.Office, JobFamily.Finance, JobFamily.Logistics];

    private static readonly (string Name, JobFamily[] Families)[] LargeFrench =
    [
        ("Capgemini", Corporate), ("Sopra Steria", Corporate), ("Adecco", Staffing), ("Manpower France", Staffing), ("Randstad", Staffing),
        ("Carrefour", Stores), ("Orange", Corporate), ("La Poste", [.. Freight, JobFamily.Sales, JobFamily.Office]), ("SNCF", [.. Freight, JobFamily.Construction, JobFamily.Software]),
        ("Accenture", Corporate), ("Atos", Tech), ("CGI France", Tech), ("Alten", Tech), ("Akkodis", Tech), ("Thales", Corporate),
        ("Airbus", Corporate), ("Safran", Corporate), ("Décathlon", Stores), ("Leroy Merlin", Stores), ("Lidl France", Stores),
        ("Intermarché", Stores), ("E.Leclerc", Stores), ("Auchan", Stores), ("Société Générale", Corporate), ("BNP Paribas", Corporate),
        ("Crédit Agricole", Corporate), ("AXA", Corporate), ("EDF", [.. Corporate, JobFamily.Construction]), ("Engie", [.. Corporate, JobFamily.Construction]),
        ("Veolia", Building), ("Vinci Construction", Building), ("Bouygues Construction", Building), ("Eiffage", Building),
        ("Sodexo", Catering), ("Elior", Catering), ("Accor", Catering), ("Onet", [JobFamily.Cleaning]), ("ISS France", [JobFamily.Cleaning, JobFamily.Hospitality]),
        ("Groupe Crit", Staffing), ("Synergie", Staffing), ("Geodis", Freight), ("DHL Supply Chain", Freight), ("Kuehne+Nagel", Freight),
        ("Amazon France Logistique", Freight), ("AP-HP", Care), ("Hospices Civils de Lyon", Care), ("Clariane", Care), ("Doctolib", Corporate),
        ("Back Market", Corporate), ("Qonto", Corporate), ("Alan", Corporate), ("BlaBlaCar", Tech), ("Criteo", Corporate), ("Datadog", Tech),
        ("Dassault Systèmes", Corporate), ("Ubisoft", Tech), ("Michelin", [.. Corporate, JobFamily.Logistics, JobFamily.Construction]), ("L'Oréal", Corporate),
        ("Danone", Corporate), ("Renault Group", [.. Corporate, JobFamily.Construction]), ("Stellantis", [.. Corporate, JobFamily.Construction]),
        ("Fnac Darty", Stores), ("Boulanger", Stores), ("Free", Corporate), ("Bpifrance", Corporate), ("Octo Technology", Tech),
        ("Onepoint", Tech), ("Malt", Tech), ("Mirakl", Tech), ("Contentsquare", Tech),
    ];

    private static readonly string[] LargeInternational =
    [
        "Google", "Microsoft", "Amazon", "Meta", "Spotify", "Stripe", "Deliveroo", "Zalando", "N26", "Datadog", "Airbnb",
        "Netflix", "JPMorgan Chase", "Goldman Sachs", "Salesforce", "Snowflake", "Databricks", "Shopify", "Booking.com",
        "Uber", "Monzo", "Revolut", "Delivery Hero", "SAP", "IBM", "Oracle", "Deloitte", "PwC", "EY", "KPMG",
    ];

    private static readonly string[] Trades =
    [
        "Transports", "Boulangerie", "Cabinet", "Clinique", "Garage", "Restaurant", "Menuiserie", "Pharmacie", "Hôtel",
        "Logistique", "Conseil", "Informatique", "Immobilier", "Bâtiment", "Propreté", "Maraîchage", "Data", "Digital",
    ];

    private static readonly string[] Forms = ["SAS", "SARL", "", "", "Groupe", "& Fils", "Services", "SA"];

    private static readonly string[] InternationalTails = ["Labs", "Technologies", "Analytics", "Health", "Partners", "Systems", "Group", "Inc."];

    public static IReadOnlyList<Company> French { get; } = Build(LargeFrench, 6000, international: false);

    public static IReadOnlyList<Company> International { get; } = Build(LargeInternational.Select(n => (n, Corporate)).ToArray(), 1500, international: true);

    // Zipf over the employers that hire for each family, keeping their overall rank order.
    private static readonly Dictionary<(JobFamily, bool), WeightedTable<Company>> Tables = Enum.GetValues<JobFamily>()
        .SelectMany(f => new[] { (f, false), (f, true) })
        .ToDictionary(k => k, k => WeightedTable<Company>.Zipf((k.Item2 ? International : French).Where(c => c.Hires(k.Item1)), k.Item2 ? 1.0 : 1.05));

    public static WeightedTable<Company> For(JobFamily family, bool international) => Tables[(family, international)];

    private static List<Company> Build((string Name, JobFamily[] Families)[] large, int total, bool international)
    {
        var companies = new List<Company>(total);
        foreach (var (name, families) in large)
        {
            companies.Add(new Company(companies.Count + 1, name, Names.Slug(name) + (international ? ".com" : ".fr"), families));
        }
        var seen = new HashSet<string>(companies.Select(c => c.Name), StringComparer.Ordinal);
        for (var i = 0; companies.Count < total && i < total * 50; i++)
        {
            var surname = Names.LastNames[i % Names.LastNames.Count];
            var second = Names.LastNames[(i / Names.LastNames.Count + i * 7) % Names.LastNames.Count];
            string name;
            if (international)
            {
                name = $"{surname} {InternationalTails[(i / 3) % InternationalTails.Length]}";
                name = i >= Names.LastNames.Count * InternationalTails.Length ? $"{surname}-{second} {InternationalTails[i % InternationalTails.Length]}" : name;
            }
            else
            {
                var trade = Trades[(i / Names.LastNames.Count) % Trades.Length];
                var form = Forms[(i * 5 + i / 7) % Forms.Length];
                name = i < Names.LastNames.Count * Trades.Length ? $"{trade} {surname}" : $"{trade} {surname}-{second}";
                name = form.Length == 0 ? name : form == "Groupe" ? $"Groupe {name}" : $"{name} {form}";
            }
            if (seen.Add(name))
            {
                companies.Add(new Company(companies.Count + 1, name, Names.Slug(name.Replace(" SAS", "", StringComparison.Ordinal).Replace(" SARL", "", StringComparison.Ordinal)) + (international ? ".com" : ".fr")));
            }
        }
        return companies;
    }
}
