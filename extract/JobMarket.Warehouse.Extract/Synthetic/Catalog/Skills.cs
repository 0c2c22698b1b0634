namespace JobMarket.Warehouse.Extract.Synthetic.Catalog;

/// <summary>Soft skills, as French and English postings word them.</summary>
internal static class Skills
{
    public static IReadOnlyList<(string Fr, string En)> Soft { get; } =
    [
        ("communication", "communication"),
        ("anglais", "English"),
        ("gestion de projet", "project management"),
        ("travail en équipe", "teamwork"),
        ("autonomie", "autonomy"),
        ("rigueur", "attention to detail"),
        ("sens du relationnel", "interpersonal skills"),
        ("esprit d'analyse", "analytical thinking"),
        ("organisation", "organisation"),
        ("résolution de problèmes", "problem solving"),
    ];

    /// <summary>The English name of a skill from the occupation lists (most are the same in both languages).</summary>
    public static string English(string skill) => skill switch
    {
        "anglais" => "English",
        "gestion de projet" => "project management",
        "statistiques" => "statistics",
        "réseaux" => "networking",
        "prospection" => "prospecting",
        "négociation commerciale" => "sales negotiation",
        "gestion des stocks" => "inventory management",
        "préparation de commandes" => "order picking",
        "soins infirmiers" => "nursing care",
        "comptabilité générale" => "general accounting",
        "paie" => "payroll",
        "recrutement" => "recruiting",
        "droit social" => "employment law",
        "encaissement" => "cash handling",
        "accueil client" => "customer service",
        "mise en rayon" => "shelf stocking",
        "lecture de plans" => "blueprint reading",
        "mécanique" => "mechanics",
        "récolte" => "harvesting",
        _ => skill,
    };
}
