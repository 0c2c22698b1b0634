using JobMarket.Warehouse.Extract.Landing;

namespace JobMarket.Warehouse.Extract.Synthetic.Catalog;

/// <summary>
/// Real INSEE codes and names: communes weighted by their job markets (Paris, Lyon, Marseille and
/// Toulouse heavy), Corsica (2A/2B), the overseas départements (971–976), postings located only by
/// département, région or "France", and a few foreign cities for JSearch and The Muse.
/// </summary>
internal static class Places
{
    private static readonly Dictionary<string, string> Regions = new()
    {
        ["11"] = "Île-de-France", ["24"] = "Centre-Val de Loire", ["27"] = "Bourgogne-Franche-Comté", ["28"] = "Normandie",
        ["32"] = "Hauts-de-France", ["44"] = "Grand Est", ["52"] = "Pays de la Loire", ["53"] = "Bretagne",
        ["75"] = "Nouvelle-Aquitaine", ["76"] = "Occitanie", ["84"] = "Auvergne-Rhône-Alpes", ["93"] = "Provence-Alpes-Côte d'Azur",
        ["94"] = "Corse", ["01"] = "Guadeloupe", ["02"] = "Martinique", ["03"] = "Guyane", ["04"] = "La Réunion", ["06"] = "Mayotte",
    };

    // Département code → (name, région code).
    private static readonly Dictionary<string, (string Name, string Region)> Departments = new()
    {
        ["03"] = ("Allier", "84"), ["06"] = ("Alpes-Maritimes", "93"), ["10"] = ("Aube", "44"), ["13"] = ("Bouches-du-Rhône", "93"),
        ["14"] = ("Calvados", "28"), ["17"] = ("Charente-Maritime", "75"), ["21"] = ("Côte-d'Or", "27"), ["22"] = ("Côtes-d'Armor", "53"),
        ["24"] = ("Dordogne", "75"), ["25"] = ("Doubs", "27"), ["26"] = ("Drôme", "84"), ["28"] = ("Eure-et-Loir", "24"),
        ["29"] = ("Finistère", "53"), ["2A"] = ("Corse-du-Sud", "94"), ["2B"] = ("Haute-Corse", "94"), ["30"] = ("Gard", "76"),
        ["31"] = ("Haute-Garonne", "76"), ["33"] = ("Gironde", "75"), ["34"] = ("Hérault", "76"), ["35"] = ("Ille-et-Vilaine", "53"),
        ["37"] = ("Indre-et-Loire", "24"), ["38"] = ("Isère", "84"), ["40"] = ("Landes", "75"), ["42"] = ("Loire", "84"),
        ["44"] = ("Loire-Atlantique", "52"), ["45"] = ("Loiret", "24"), ["49"] = ("Maine-et-Loire", "52"), ["50"] = ("Manche", "28"),
        ["51"] = ("Marne", "44"), ["53"] = ("Mayenne", "52"), ["54"] = ("Meurthe-et-Moselle", "44"), ["56"] = ("Morbihan", "53"),
        ["57"] = ("Moselle", "44"), ["59"] = ("Nord", "32"), ["60"] = ("Oise", "32"), ["62"] = ("Pas-de-Calais", "32"),
        ["63"] = ("Puy-de-Dôme", "84"), ["64"] = ("Pyrénées-Atlantiques", "75"), ["66"] = ("Pyrénées-Orientales", "76"), ["67"] = ("Bas-Rhin", "44"),
        ["68"] = ("Haut-Rhin", "44"), ["69"] = ("Rhône", "84"), ["71"] = ("Saône-et-Loire", "27"), ["72"] = ("Sarthe", "52"),
        ["73"] = ("Savoie", "84"), ["74"] = ("Haute-Savoie", "84"), ["75"] = ("Paris", "11"), ["76"] = ("Seine-Maritime", "28"),
        ["77"] = ("Seine-et-Marne", "11"), ["78"] = ("Yvelines", "11"), ["79"] = ("Deux-Sèvres", "75"), ["80"] = ("Somme", "32"),
        ["81"] = ("Tarn", "76"), ["83"] = ("Var", "93"), ["84"] = ("Vaucluse", "93"), ["85"] = ("Vendée", "52"),
        ["86"] = ("Vienne", "75"), ["87"] = ("Haute-Vienne", "75"), ["88"] = ("Vosges", "44"), ["91"] = ("Essonne", "11"),
        ["92"] = ("Hauts-de-Seine", "11"), ["93"] = ("Seine-Saint-Denis", "11"), ["94"] = ("Val-de-Marne", "11"), ["95"] = ("Val-d'Oise", "11"),
        ["971"] = ("Guadeloupe", "01"), ["972"] = ("Martinique", "02"), ["973"] = ("Guyane", "03"), ["974"] = ("La Réunion", "04"),
        ["976"] = ("Mayotte", "06"),
    };

    // (INSEE code, name, postal code, latitude, longitude, weight).
    private static readonly (string Code, string Name, string Postal, double Lat, double Lon, double Weight)[] Communes =
    [
        ("13055", "Marseille", "13000", 43.2965, 5.3698, 3.0), ("13001", "Aix-en-Provence", "13100", 43.5297, 5.4474, 2.0),
        ("69123", "Lyon", "69000", 45.7640, 4.8357, 4.0), ("69266", "Villeurbanne", "69100", 45.7719, 4.8902, 1.2),
        ("31555", "Toulouse", "31000", 43.6047, 1.4442, 6.0), ("31069", "Blagnac", "31700", 43.6375, 1.3903, 1.2),
        ("06088", "Nice", "06000", 43.7102, 7.2620, 2.2), ("06004", "Antibes", "06600", 43.5808, 7.1239, 0.6),
        ("06029", "Cannes", "06400", 43.5528, 7.0174, 0.6), ("06152", "Valbonne", "06560", 43.6410, 7.0086, 0.8),
        ("44109", "Nantes", "44000", 47.2184, -1.5536, 4.0), ("44184", "Saint-Nazaire", "44600", 47.2735, -2.2138, 0.8),
        ("34172", "Montpellier", "34000", 43.6108, 3.8767, 3.0), ("67482", "Strasbourg", "67000", 48.5734, 7.7521, 2.5),
        ("33063", "Bordeaux", "33000", 44.8378, -0.5792, 4.0), ("33281", "Mérignac", "33700", 44.8386, -0.6436, 1.0),
        ("59350", "Lille", "59000", 50.6292, 3.0573, 4.0), ("59512", "Roubaix", "59100", 50.6942, 3.1746, 0.8),
        ("35238", "Rennes", "35000", 48.1173, -1.6778, 3.0), ("51454", "Reims", "51100", 49.2583, 4.0317, 1.0),
        ("83137", "Toulon", "83000", 43.1242, 5.9280, 1.2), ("42218", "Saint-Étienne", "42000", 45.4397, 4.3872, 1.2),
        ("76351", "Le Havre", "76600", 49.4944, 0.1079, 1.0), ("76540", "Rouen", "76000", 49.4432, 1.0999, 1.5),
        ("38185", "Grenoble", "38000", 45.1885, 5.7245, 2.0), ("21231", "Dijon", "21000", 47.3220, 5.0415, 1.2),
        ("49007", "Angers", "49000", 47.4784, -0.5632, 1.2), ("30189", "Nîmes", "30000", 43.8367, 4.3601, 1.0),
        ("63113", "Clermont-Ferrand", "63000", 45.7772, 3.0870, 1.3), ("72181", "Le Mans", "72000", 48.0061, 0.1996, 0.9),
        ("29019", "Brest", "29200", 48.3904, -4.4861, 1.0), ("29232", "Quimper", "29000", 47.9960, -4.1024, 0.5),
        ("37261", "Tours", "37000", 47.3941, 0.6848, 1.1), ("80021", "Amiens", "80000", 49.8941, 2.2958, 0.9),
        ("87085", "Limoges", "87000", 45.8336, 1.2611, 0.8), ("74010", "Annecy", "74000", 45.8992, 6.1294, 1.0),
        ("66136", "Perpignan", "66000", 42.6887, 2.8948, 0.8), ("92012", "Boulogne-Billancourt", "92100", 48.8397, 2.2399, 2.0),
        ("92050", "Nanterre", "92000", 48.8924, 2.2071, 1.5), ("92026", "Courbevoie", "92400", 48.8973, 2.2522, 2.2),
        ("92062", "Puteaux", "92800", 48.8846, 2.2389, 1.6), ("92040", "Issy-les-Moulineaux", "92130", 48.8245, 2.2700, 1.5),
        ("92044", "Levallois-Perret", "92300", 48.8950, 2.2874, 1.2), ("57463", "Metz", "57000", 49.1193, 6.1757, 1.0),
        ("25056", "Besançon", "25000", 47.2378, 6.0241, 0.8), ("45234", "Orléans", "45000", 47.9030, 1.9093, 1.1),
        ("68224", "Mulhouse", "68100", 47.7508, 7.3359, 0.8), ("68066", "Colmar", "68000", 48.0794, 7.3585, 0.5),
        ("14118", "Caen", "14000", 49.1829, -0.3707, 1.0), ("54395", "Nancy", "54000", 48.6921, 6.1844, 1.0),
        ("93066", "Saint-Denis", "93200", 48.9362, 2.3574, 1.4), ("93048", "Montreuil", "93100", 48.8638, 2.4485, 1.0),
        ("95018", "Argenteuil", "95100", 48.9472, 2.2467, 0.7), ("94028", "Créteil", "94000", 48.7904, 2.4556, 0.9),
        ("78646", "Versailles", "78000", 48.8049, 2.1204, 0.9), ("78640", "Vélizy-Villacoublay", "78140", 48.7826, 2.1923, 0.8),
        ("78297", "Guyancourt", "78280", 48.7733, 2.0739, 0.6), ("91377", "Massy", "91300", 48.7309, 2.2713, 0.8),
        ("84007", "Avignon", "84000", 43.9493, 4.8055, 0.8), ("86194", "Poitiers", "86000", 46.5802, 0.3404, 0.8),
        ("64445", "Pau", "64000", 43.2951, -0.3708, 0.7), ("17300", "La Rochelle", "17000", 46.1603, -1.1511, 0.8),
        ("79191", "Niort", "79000", 46.3237, -0.4588, 0.6), ("56260", "Vannes", "56000", 47.6582, -2.7608, 0.6),
        ("56121", "Lorient", "56100", 47.7483, -3.3700, 0.5), ("26362", "Valence", "26000", 44.9334, 4.8924, 0.6),
        ("73065", "Chambéry", "73000", 45.5646, 5.9178, 0.6), ("10387", "Troyes", "10000", 48.2973, 4.0744, 0.5),
        ("53130", "Laval", "53000", 48.0707, -0.7734, 0.4),
        // Corsica.
        ("2A004", "Ajaccio", "20000", 41.9192, 8.7386, 0.5), ("2B033", "Bastia", "20200", 42.6970, 9.4509, 0.4),
        // Overseas.
        ("97120", "Pointe-à-Pitre", "97110", 16.2411, -61.5331, 0.3), ("97101", "Les Abymes", "97139", 16.2710, -61.5045, 0.3),
        ("97103", "Baie-Mahault", "97122", 16.2675, -61.5857, 0.3), ("97209", "Fort-de-France", "97200", 14.6161, -61.0588, 0.5),
        ("97213", "Le Lamentin", "97232", 14.6136, -60.9990, 0.3), ("97302", "Cayenne", "97300", 4.9224, -52.3135, 0.4),
        ("97411", "Saint-Denis", "97400", -20.8821, 55.4507, 0.6), ("97416", "Saint-Pierre", "97410", -21.3393, 55.4781, 0.4),
        ("97407", "Le Port", "97420", -20.9373, 55.2919, 0.2), ("97611", "Mamoudzou", "97600", -12.7806, 45.2278, 0.3),
    ];

    private static readonly (string City, string State, string CountryCode, string Country, double Lat, double Lon, double Weight)[] Foreign =
    [
        ("London", "England", "GB", "United Kingdom", 51.5074, -0.1278, 4.0),
        ("New York", "New York", "US", "United States", 40.7128, -74.0060, 4.0),
        ("Berlin", "Berlin", "DE", "Germany", 52.5200, 13.4050, 2.5),
        ("San Francisco", "California", "US", "United States", 37.7749, -122.4194, 2.0),
        ("Boston", "Massachusetts", "US", "United States", 42.3601, -71.0589, 1.0),
    ];

    private static readonly double[] ParisWeights = [2.0, 2.5, 1.5, 1.0, 1.0, 1.5, 1.5, 5.0, 4.0, 2.5, 2.5, 2.5, 3.0, 2.0, 3.5, 2.5, 3.0, 1.0, 1.2, 1.0];

    public static Place Commune(string code, string name, string postal, double lat, double lon)
    {
        var departmentCode = code.StartsWith("97", StringComparison.Ordinal) ? code[..3] : code[..2];
        var (departmentName, regionCode) = Departments[departmentCode];
        return new Place("FR", "France", regionCode, Regions[regionCode], departmentCode, departmentName, code, name, postal, lat, lon);
    }

    public static Place Department(string code)
    {
        var (name, region) = Departments[code];
        return new Place("FR", "France", region, Regions[region], code, name, null, null, null, null, null);
    }

    public static Place Region(string code) => new("FR", "France", code, Regions[code], null, null, null, null, null, null, null);

    public static Place France { get; } = new("FR", "France", null, null, null, null, null, null, null, null, null);

    private static IEnumerable<(Place, double)> FrenchEntries()
    {
        // Paris, Lyon and Marseille by arrondissement, as France Travail codes them.
        for (var n = 1; n <= 20; n++)
        {
            var name = n == 1 ? "Paris 1er Arrondissement" : $"Paris {n}e Arrondissement";
            yield return (Commune($"751{n:00}", name, $"750{n:00}", 48.8566 + (n % 5 - 2) * 0.012, 2.3522 + (n % 7 - 3) * 0.015), ParisWeights[n - 1]);
        }
        for (var n = 1; n <= 9; n++)
        {
            yield return (Commune($"6938{n}", n == 1 ? "Lyon 1er Arrondissement" : $"Lyon {n}e Arrondissement", $"6900{n}", 45.7640 + (n % 3 - 1) * 0.01, 4.8357 + (n % 4 - 1.5) * 0.01), n is 2 or 3 or 7 ? 2.0 : 0.8);
        }
        for (var n = 1; n <= 16; n++)
        {
            yield return (Commune($"132{n:00}", n == 1 ? "Marseille 1er Arrondissement" : $"Marseille {n}e Arrondissement", $"130{n:00}", 43.2965 + (n % 4 - 1.5) * 0.01, 5.3698 + (n % 5 - 2) * 0.01), n is 1 or 2 or 8 ? 1.2 : 0.5);
        }
        foreach (var c in Communes)
        {
            yield return (Commune(c.Code, c.Name, c.Postal, c.Lat, c.Lon), c.Weight);
        }
        foreach (var code in Departments.Keys)
        {
            yield return (Department(code), 0.25);
        }
        foreach (var code in Regions.Keys)
        {
            yield return (Region(code), 0.35);
        }
        yield return (France, 5.0);
    }

    private static IEnumerable<(Place, double)> ForeignEntries() =>
        Foreign.Select(f => (new Place(f.CountryCode, f.Country, null, f.State, null, null, null, f.City, null, f.Lat, f.Lon), f.Weight));

    private static readonly WeightedTable<Place> FrenchTable = new(FrenchEntries());

    // JSearch queries cover France mostly; The Muse is an American board with Paris, London and Berlin offices.
    private static readonly WeightedTable<Place> JSearchTable = new(
        FrenchEntries().Select(e => (e.Item1, e.Item2 * 0.7 / FrenchEntries().Sum(x => x.Item2)))
            .Concat(ForeignEntries().Select(e => (e.Item1, e.Item2 * 0.3 / ForeignEntries().Sum(x => x.Item2)))));

    private static readonly WeightedTable<Place> MuseTable = new(
        FrenchEntries().Where(e => e.Item1.CommuneName is not null).Select(e => (e.Item1, e.Item2 * 0.35 / FrenchEntries().Where(x => x.Item1.CommuneName is not null).Sum(x => x.Item2)))
            .Concat(ForeignEntries().Select(e => (e.Item1, e.Item2 * 0.65 / ForeignEntries().Sum(x => x.Item2)))));

    public static WeightedTable<Place> ForSource(JobSource source) => source switch
    {
        JobSource.JSearch => JSearchTable,
        JobSource.TheMuse => MuseTable,
        _ => FrenchTable,
    };
}
