using System.Globalization;
using System.Text.Json;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic.Catalog;

namespace JobMarket.Warehouse.Extract.Synthetic.Formats;

/// <summary>
/// France Travail "Offres d'emploi v2" <c>/v2/offres/search</c>: <c>{"resultats":[Offre],"filtresPossibles":[…]}</c>,
/// 150 offers per range, partitioned by département, newest first (<c>sort=1</c>).
/// </summary>
internal sealed class FranceTravailFormat : ISyntheticFormat
{
    private static readonly string[] Qualifications =
    [
        "", "Manœuvre", "Ouvrier spécialisé", "Ouvrier qualifié (P1,P2)", "Ouvrier qualifié (P3,P4,OHQ)", "Employé non qualifié",
        "Employé qualifié", "Technicien", "Agent de maîtrise", "Cadre",
    ];

    public JobSource Source => JobSource.FranceTravail;

    public int PageSize => 150;

    // By département as the extractor partitions; the synthetic query ignores the 3,150 depth cap.
    public string PartitionOf(Place place) =>
        place.DepartmentCode is { } department ? $"departement={department}"
        : place.RegionCode is { } region ? $"region={region}"
        : "paysContinent=01";

    public static string Libelle(Place place) =>
        place.CommuneName is not null ? $"{place.DepartmentCode} - {place.CommuneName}"
        : place.DepartmentName is not null ? $"{place.DepartmentCode} - {place.DepartmentName}"
        : place.RegionName ?? place.CountryName;

    public static string DetailUrl(SyntheticJob job) => $"https://candidat.francetravail.fr/offres/recherche/detail/{SyntheticIds.FranceTravail(job.Index)}";

    public static string Description(SyntheticJob job) => DescriptionText.Plain(job, "-");

    public void WriteItem(Utf8JsonWriter w, SyntheticJob job, DateTimeOffset fetchedAt)
    {
        var random = job.FormatRandom(11);
        var occupation = job.Occupation;
        var id = SyntheticIds.FranceTravail(job.Index);
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("intitule", job.Title);
        w.WriteString("description", Description(job));
        w.WriteString("dateCreation", JsonText.Milliseconds(job.CreatedAt));
        w.WriteString("dateActualisation", JsonText.Milliseconds(job.UpdatedAt));

        w.WriteStartObject("lieuTravail");
        w.WriteString("libelle", Libelle(job.Place));
        if (job.Place.CommuneCode is not null)
        {
            var swapped = random.Chance(0.01); // observed: latitude and longitude occasionally swapped
            w.WriteNumber("latitude", swapped ? job.Place.Longitude!.Value : job.Place.Latitude!.Value);
            w.WriteNumber("longitude", swapped ? job.Place.Latitude!.Value : job.Place.Longitude!.Value);
            w.WriteString("codePostal", job.Place.PostalCode);
            w.WriteString("commune", job.Place.CommuneCode);
        }
        w.WriteEndObject();

        w.WriteString("romeCode", occupation.RomeCode);
        w.WriteString("romeLibelle", occupation.RomeLabel);
        w.WriteString("appellationlibelle", occupation.TitlesFr[0]);
        w.WriteStartObject("entreprise");
        if (!job.CompanyHidden)
        {
            w.WriteString("nom", job.Company.Name.ToUpperInvariant());
            if (random.Chance(0.3))
            {
                w.WriteString("description", $"{job.Company.Name} : {occupation.SectorLabel.ToLowerInvariant()}.");
                w.WriteString("url", $"https://www.{job.Company.Domain}");
            }
        }
        w.WriteBoolean("entrepriseAdaptee", false);
        w.WriteEndObject();

        var (code, label, nature) = job.Contract switch
        {
            ContractKind.Permanent => ("CDI", "CDI", "Contrat travail"),
            ContractKind.FixedTerm => ("CDD", $"CDD - {job.ContractMonths} Mois", "Contrat travail"),
            ContractKind.Temporary => ("MIS", random.Chance(0.5) ? $"Intérim - {job.ContractMonths * 30} Jour(s)" : $"Intérim - {job.ContractMonths} Mois", "Contrat travail"),
            ContractKind.Seasonal => ("SAI", $"Saisonnier - {job.ContractMonths} Mois", "Contrat travail"),
            ContractKind.Freelance => ("LIB", "Profession libérale", "Non salarié"),
            ContractKind.Apprenticeship => ("CDD", $"CDD - {job.ContractMonths} Mois", "Contrat apprentissage"),
            ContractKind.Professionalisation => ("CDD", $"CDD - {job.ContractMonths} Mois", "Cont. professionnalisation"),
            ContractKind.Commercial => ("CCE", "Profession commerciale", "Contrat travail"),
            ContractKind.Franchise => ("FRA", "Franchise", "Non salarié"),
            ContractKind.PermanentTemporary => ("DIN", "CDI intérimaire", "Contrat travail"),
            _ => ("CDD", $"CDD - {job.ContractMonths} Mois", "Contrat travail"),
        };
        w.WriteString("typeContrat", code);
        w.WriteString("typeContratLibelle", label);
        w.WriteString("natureContrat", nature);

        var (exige, experience) = job.ExperienceYears == 0 ? ("D", "Débutant accepté")
            : job.ExperienceYears == 1 && random.Chance(0.5) ? ("S", "6 Mois")
            : (random.Chance(0.7) ? "E" : "S", $"{job.ExperienceYears} An(s)");
        w.WriteString("experienceExige", exige);
        w.WriteString("experienceLibelle", experience);
        if (random.Chance(0.4))
        {
            w.WriteStartArray("formations");
            w.WriteStartObject();
            w.WriteString("codeFormation", occupation.IsTech ? "31054" : "42054");
            w.WriteString("domaineLibelle", occupation.IsTech ? "Informatique" : occupation.SectorLabel);
            w.WriteString("niveauLibelle", occupation.IsTech ? "Bac+5 et plus ou équivalents" : "CAP, BEP et équivalents");
            w.WriteString("exigence", random.Chance(0.5) ? "E" : "S");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (job.Skills.Contains("anglais"))
        {
            w.WriteStartArray("langues");
            w.WriteStartObject();
            w.WriteString("libelle", "Anglais");
            w.WriteString("exigence", "S");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        var licence = job.Skills.FirstOrDefault(s => s.StartsWith("permis ", StringComparison.Ordinal));
        if (licence is not null || random.Chance(0.15))
        {
            w.WriteStartArray("permis");
            w.WriteStartObject();
            w.WriteString("libelle", licence switch { "permis C" => "C - Poids lourd", "permis CE" => "CE - PL + remorque", _ => "B - Véhicule léger" });
            w.WriteString("exigence", licence is null ? "S" : "E");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteStartArray("competences");
        foreach (var skill in job.Skills.Take(4))
        {
            w.WriteStartObject();
            if (random.Chance(0.8))
            {
                w.WriteString("code", (100000 + SyntheticRandom.StableHash(skill) % 900000).ToString(CultureInfo.InvariantCulture));
            }
            w.WriteString("libelle", random.Chance(0.5) ? skill : $"Maîtriser {skill}");
            w.WriteString("exigence", random.Chance(0.6) ? "E" : "S");
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartObject("salaire");
        if (job.Salary is { } salary)
        {
            w.WriteString("libelle", SalaryText(salary));
            if (random.Chance(0.3))
            {
                w.WriteString("complement1", random.Pick(["Mutuelle", "Tickets restaurant", "Prime de panier", "Intéressement"]));
            }
            if (random.Chance(0.1))
            {
                w.WriteString("complement2", "Participation/action");
            }
        }
        else if (random.Chance(0.6))
        {
            w.WriteString("commentaire", random.Pick(["Selon profil", "Selon expérience", "À négocier", "Selon grille conventionnelle"]));
        }
        w.WriteEndObject();

        w.WriteString("dureeTravailLibelle", job.FullTime ? random.Pick(["35H/semaine\nTravail en journée", "39H/semaine", "35H Horaires normaux"]) : random.Pick(["24H/semaine", "20H/semaine\nTravail en journée", "28H Autre"]));
        w.WriteString("dureeTravailLibelleConverti", job.FullTime ? "Temps plein" : "Temps partiel");
        w.WriteBoolean("alternance", job.Contract is ContractKind.Apprenticeship or ContractKind.Professionalisation);

        w.WriteStartObject("contact");
        if (job.Contact is { } contact)
        {
            w.WriteString("nom", $"{job.Company.Name} - {contact.Name}");
            if (random.Chance(0.5))
            {
                w.WriteString("coordonnees1", $"{random.Next(1, 120)} rue de la République");
                w.WriteString("coordonnees2", $"{job.Place.PostalCode ?? "75001"} {(job.Place.City ?? "PARIS").ToUpperInvariant()}");
            }
            w.WriteString("telephone", contact.Phone);
            w.WriteString("courriel", contact.Email);
        }
        else if (random.Chance(0.6))
        {
            w.WriteString("urlPostulation", $"https://careers.{job.Company.Domain}/apply/{id}");
        }
        else
        {
            w.WriteString("courriel", "Pour postuler, utiliser le lien suivant : " + DetailUrl(job));
        }
        w.WriteEndObject();
        w.WriteStartObject("agence");
        w.WriteEndObject();
        w.WriteNumber("nombrePostes", random.Chance(0.85) ? 1 : random.Next(2, 6));
        w.WriteBoolean("accessibleTH", random.Chance(0.2));
        var qualification = occupation.IsTech || occupation.Family is JobFamily.Finance or JobFamily.Marketing or JobFamily.People
            ? job.Experience == ExperienceLevel.Entry ? 7 : 9
            : occupation.Family is JobFamily.Health or JobFamily.Office or JobFamily.Sales ? 6
            : random.Pick([2, 3, 4, 5]);
        w.WriteString("qualificationCode", qualification.ToString(CultureInfo.InvariantCulture));
        w.WriteString("qualificationLibelle", Qualifications[qualification]);
        if (!job.CompanyHidden)
        {
            w.WriteString("codeNAF", occupation.NafCode);
            w.WriteString("secteurActivite", occupation.NafCode[..2]);
            w.WriteString("secteurActiviteLibelle", occupation.SectorLabel);
        }
        w.WriteStartObject("origineOffre");
        if (random.Chance(0.85))
        {
            w.WriteString("origine", "1");
            w.WriteString("urlOrigine", DetailUrl(job));
        }
        else
        {
            w.WriteString("origine", "2");
            w.WriteString("urlOrigine", DetailUrl(job));
            w.WriteStartArray("partenaires");
            w.WriteStartObject();
            var partner = random.Pick(["HELLOWORK", "INDEED", "JOBTEASER", "METEOJOB"]);
            w.WriteString("nom", partner);
            w.WriteString("url", $"https://www.{partner.ToLowerInvariant()}.com/offre/{id}");
            w.WriteString("logo", $"https://www.francetravail.fr/logos/{partner.ToLowerInvariant()}.png");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteStartObject("contexteTravail");
        w.WriteStartArray("horaires");
        w.WriteStringValue(job.FullTime ? "35H/semaine\nTravail en journée" : "Travail à temps partiel");
        w.WriteEndArray();
        w.WriteEndObject();
        if (random.Chance(0.1))
        {
            w.WriteBoolean("offresManqueCandidats", true);
        }
        w.WriteBoolean("employeurHandiEngage", random.Chance(0.1));
        w.WriteEndObject();
    }

    /// <summary>
    /// The free-text salary: "Annuel de 45000.00 Euros à 55000.00 Euros sur 12 mois",
    /// "Mensuel de 2500.0 Euros sur 12.0 mois", "Horaire de 11.65 Euros sur 151.67 heures".
    /// </summary>
    public static string SalaryText(SalaryOffer salary)
    {
        var period = salary.Period switch { SalaryPeriod.Year => "Annuel", SalaryPeriod.Month => "Mensuel", _ => "Horaire" };
        string Number(decimal value) => salary.NumberStyle switch
        {
            0 => JsonText.Invariant(value, "0.00"),
            1 => JsonText.Invariant(value, "0.0#"),
            _ => value == Math.Round(value) ? JsonText.Invariant(value, "0") : JsonText.Invariant(value, "0.00"),
        };
        var range = salary.Max is { } max && max != salary.Min ? $"de {Number(salary.Min)} Euros à {Number(max)} Euros" : $"de {Number(salary.Min)} Euros";
        var over = salary.Period == SalaryPeriod.Hour
            ? "sur 151.67 heures"
            : salary.NumberStyle == 1 ? $"sur {JsonText.Invariant(salary.Payments, "0.0")} mois" : $"sur {JsonText.Invariant(salary.Payments, "0")} mois";
        return $"{period} {range} {over}";
    }

    public RawPage Page(PageRequest request, IReadOnlyList<ReadOnlyMemory<byte>> items)
    {
        var first = request.PageIndex * PageSize;
        var body = JsonText.Body(w =>
        {
            w.WriteStartObject();
            w.WriteRawArray("resultats", items);
            w.WriteStartArray("filtresPossibles");
            WriteFilter(w, "typeContrat", request, [("CDI", 0.55), ("CDD", 0.25), ("MIS", 0.14), ("SAI", 0.04), ("LIB", 0.02)]);
            WriteFilter(w, "experience", request, [("1", 0.45), ("2", 0.35), ("3", 0.20)]);
            WriteFilter(w, "qualification", request, [("0", 0.7), ("9", 0.3)]);
            WriteFilter(w, "natureContrat", request, [("E1", 0.92), ("E2", 0.06), ("FS", 0.02)]);
            w.WriteEndArray();
            w.WriteEndObject();
        });
        var where = request.PartitionKey.Split('=');
        string? Param(string name) => where.Length == 2 && where[0] == name ? where[1] : null;
        var parameters = JsonText.Parameters(
            ("range", $"{first}-{first + PageSize - 1}"),
            ("sort", "1"),
            ("departement", Param("departement")),
            ("region", Param("region")),
            ("paysContinent", Param("paysContinent")),
            ("publieeDepuis", request.Incremental ? "1" : null));
        var status = request.PartitionTotal > PageSize ? 206 : 200;
        return new RawPage(Source, "/partenaire/offresdemploi/v2/offres/search", request.PartitionKey, parameters, status, request.FetchedAt, body);
    }

    // The aggregations cover the whole query, not the page: counts follow the day's partition total.
    private static void WriteFilter(Utf8JsonWriter w, string name, PageRequest request, (string Value, double Share)[] shares)
    {
        w.WriteStartObject();
        w.WriteString("filtre", name);
        w.WriteStartArray("agregation");
        foreach (var (value, share) in shares)
        {
            var count = (int)Math.Round(request.PartitionTotal * share);
            if (count > 0)
            {
                w.WriteStartObject();
                w.WriteString("valeurPossible", value);
                w.WriteNumber("nbResultats", count);
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
