namespace JobMarket.Warehouse.Extract.Synthetic.Catalog;

/// <summary>Mission sentences per job family, in French and English, for descriptions.</summary>
internal static class FamilyTexts
{
    public static IReadOnlyList<string> MissionsFr(JobFamily family) => family switch
    {
        JobFamily.Data =>
        [
            "Concevoir et maintenir les pipelines d'ingestion de données", "Modéliser l'entrepôt de données et les datamarts",
            "Construire des tableaux de bord pour les équipes métier", "Industrialiser les modèles de machine learning",
            "Garantir la qualité et la fraîcheur des données", "Analyser les données de vente et présenter les résultats",
        ],
        JobFamily.Software =>
        [
            "Développer de nouvelles fonctionnalités de l'application", "Participer aux revues de code et aux choix d'architecture",
            "Écrire des tests automatisés", "Maintenir les API et les microservices", "Corriger les anomalies remontées par le support",
        ],
        JobFamily.Infrastructure =>
        [
            "Administrer les serveurs et le parc informatique", "Automatiser les déploiements", "Assurer le support de niveau 2",
            "Surveiller la disponibilité des services", "Gérer les incidents et les demandes utilisateurs",
        ],
        JobFamily.ItManagement =>
        [
            "Recueillir les besoins des utilisateurs", "Piloter le planning et le budget du projet", "Rédiger les spécifications fonctionnelles",
            "Animer les ateliers avec les équipes métier", "Prioriser le backlog produit",
        ],
        JobFamily.Sales =>
        [
            "Développer un portefeuille de clients professionnels", "Prospecter de nouveaux comptes", "Négocier les contrats et suivre les objectifs",
            "Assurer le suivi commercial et la fidélisation",
        ],
        JobFamily.Retail =>
        [
            "Accueillir et conseiller la clientèle", "Assurer la mise en rayon et le réassort", "Tenir la caisse", "Veiller à la propreté du magasin",
        ],
        JobFamily.Health =>
        [
            "Réaliser les soins prescrits", "Assurer la surveillance des patients", "Participer aux transmissions avec l'équipe",
            "Accompagner les résidents dans les actes de la vie quotidienne",
        ],
        JobFamily.Logistics =>
        [
            "Préparer les commandes à l'aide d'un scanner", "Charger et décharger les camions", "Réaliser les inventaires",
            "Livrer les marchandises chez les clients", "Organiser les flux de l'entrepôt",
        ],
        JobFamily.Hospitality =>
        [
            "Préparer les plats de la carte", "Assurer le service en salle", "Respecter les normes d'hygiène", "Participer à la mise en place",
        ],
        JobFamily.Office =>
        [
            "Gérer l'accueil physique et téléphonique", "Organiser les agendas et les déplacements", "Rédiger les courriers et comptes rendus",
        ],
        JobFamily.Finance =>
        [
            "Saisir les écritures comptables", "Préparer les clôtures mensuelles", "Suivre la trésorerie", "Produire le reporting financier",
        ],
        JobFamily.People =>
        [
            "Piloter les recrutements", "Préparer la paie et les déclarations sociales", "Accompagner les managers", "Gérer l'administration du personnel",
        ],
        JobFamily.Marketing =>
        [
            "Piloter les campagnes d'acquisition", "Optimiser le référencement naturel", "Analyser la performance des campagnes",
        ],
        JobFamily.Construction =>
        [
            "Réaliser les travaux de gros œuvre", "Lire les plans et implanter les ouvrages", "Entretenir et réparer les véhicules",
            "Respecter les consignes de sécurité du chantier",
        ],
        JobFamily.Cleaning => ["Assurer l'entretien des bureaux", "Nettoyer les parties communes", "Utiliser l'autolaveuse"],
        _ => ["Participer à la récolte", "Entretenir les cultures", "Conditionner les produits"],
    };

    public static IReadOnlyList<string> MissionsEn(JobFamily family) => family switch
    {
        JobFamily.Data =>
        [
            "Design and maintain data ingestion pipelines", "Model the data warehouse and data marts", "Build dashboards for business teams",
            "Productionize machine learning models", "Own data quality and freshness", "Analyze sales data and present insights",
        ],
        JobFamily.Software =>
        [
            "Ship new product features", "Take part in code reviews and architecture decisions", "Write automated tests",
            "Maintain APIs and microservices", "Fix issues reported by support",
        ],
        JobFamily.Infrastructure =>
        [
            "Run our cloud infrastructure", "Automate deployments", "Provide second-level support", "Monitor service availability",
        ],
        JobFamily.ItManagement =>
        [
            "Gather user requirements", "Own the project plan and budget", "Write functional specifications", "Prioritize the product backlog",
        ],
        JobFamily.Sales => ["Grow a portfolio of business clients", "Prospect new accounts", "Negotiate contracts and hit targets"],
        JobFamily.Health => ["Deliver prescribed care", "Monitor patients", "Work closely with the medical team"],
        JobFamily.Finance => ["Record accounting entries", "Prepare month-end close", "Produce financial reporting"],
        JobFamily.People => ["Run end-to-end recruiting", "Partner with managers", "Own payroll and HR administration"],
        JobFamily.Marketing => ["Run acquisition campaigns", "Improve organic search", "Analyze campaign performance"],
        JobFamily.Office => ["Manage the front desk", "Organize calendars and travel", "Draft letters and minutes"],
        _ => ["Support daily operations", "Follow health and safety rules", "Work as part of a friendly team"],
    };
}
