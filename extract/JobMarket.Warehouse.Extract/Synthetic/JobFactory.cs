using System.Globalization;
using JobMarket.Warehouse.Extract.Landing;
using JobMarket.Warehouse.Extract.Synthetic.Catalog;

namespace JobMarket.Warehouse.Extract.Synthetic;

/// <summary>Generates the details of one job from its plan: a pure function of the plan and the start date.</summary>
internal static class JobFactory
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static SyntheticJob Create(in JobPlan plan)
    {
        var random = new Random(plan.DetailSeed);
        var source = plan.Source;
        var place = Places.ForSource(source).Items[plan.PlaceIndex];
        var occupation = Occupations.ForSource(source).Pick(random);
        var french = source switch
        {
            JobSource.FranceTravail => true,
            JobSource.Adzuna => random.Chance(0.9),
            JobSource.JSearch => place.IsFrench && random.Chance(0.65),
            _ => false,
        };
        var experience = random.NextDouble() switch
        {
            < 0.25 => ExperienceLevel.Entry,
            < 0.65 => ExperienceLevel.Mid,
            < 0.90 => ExperienceLevel.Senior,
            _ => ExperienceLevel.Lead,
        };
        var years = experience switch
        {
            ExperienceLevel.Entry => random.Next(0, 2),
            ExperienceLevel.Mid => random.Next(2, 5),
            ExperienceLevel.Senior => random.Next(5, 9),
            _ => random.Next(8, 15),
        };
        var contract = PickContract(random, source, occupation, experience);
        int? months = contract is ContractKind.FixedTerm or ContractKind.Seasonal or ContractKind.Temporary
            ? random.Pick([1, 2, 3, 6, 6, 12, 12, 18])
            : contract is ContractKind.Apprenticeship or ContractKind.Professionalisation ? random.Pick([12, 24, 24, 36])
            : contract is ContractKind.Internship ? random.Pick([4, 6, 6]) : null;
        var fullTime = !random.Chance(occupation.IsHourly ? 0.3 : 0.07);
        var remote = PickRemote(random, source, occupation);
        var company = place.IsFrench && source is not JobSource.TheMuse || random.Chance(0.15) && place.IsFrench
            ? Companies.For(occupation.Family, international: false).Pick(random)
            : Companies.For(occupation.Family, international: true).Pick(random);
        if (contract is ContractKind.Temporary or ContractKind.PermanentTemporary && random.Chance(0.7))
        {
            company = Companies.French[random.Next(2, 5)]; // the interim agencies post for their clients
        }
        var skills = random.PickSkewed(occupation.Skills, random.Next(2, occupation.IsTech ? 7 : 4));
        var soft = random.PickSkewed(Skills.Soft, random.Next(1, 3)).Select(s => french ? s.Fr : s.En).ToList();
        var title = Title(random, occupation, french, experience, contract, months, skills);
        var salary = PickSalary(random, source, occupation, place, experience, contract);
        var created = source == JobSource.FranceTravail ? plan.CreatedAt.AddMilliseconds(random.Next(0, 1000)) : plan.CreatedAt;
        var contact = random.Chance(source == JobSource.FranceTravail ? 0.35 : 0.12) ? Contact(random, company, place) : null;
        var contactInDescription = contact is not null && (source != JobSource.FranceTravail || random.Chance(0.3));
        var companyName = company.Name;
        var city = place.City ?? place.Name;

        var intro = french
            ? random.Pick([
                $"{companyName} recrute un(e) {title} à {city}.",
                $"Rejoignez {companyName} en tant que {title}.",
                $"Dans le cadre de son développement, {companyName} recherche un(e) {title} pour son site de {city}.",
            ])
            : random.Pick([
                $"{companyName} is hiring a {title} in {city}.",
                $"Join {companyName} as a {title}.",
                $"We are looking for a {title} to join our team in {city}.",
            ]);
        var missions = random.PickSkewed(french ? FamilyTexts.MissionsFr(occupation.Family) : FamilyTexts.MissionsEn(occupation.Family), random.Next(2, 5));
        var requirements = new List<string>
        {
            french
                ? years == 0 ? "Débutant accepté" : $"Expérience de {years} an{(years > 1 ? "s" : "")} minimum sur un poste similaire"
                : years == 0 ? "No experience required" : $"{years}+ years of experience in a similar role",
        };
        if (skills.Count > 0)
        {
            var named = french ? skills : skills.Select(Skills.English).ToList();
            requirements.Add(french ? $"Maîtrise de {Join(named, "et")}" : $"Strong skills in {Join(named, "and")}");
        }
        requirements.Add(french ? $"Qualités attendues : {Join(soft, "et")}" : $"Good {Join(soft, "and")} skills");
        var closing = new List<string>();
        var remoteLine = (remote, french) switch
        {
            (RemotePolicy.Hybrid, true) => random.Pick(["Télétravail partiel possible (2 jours par semaine).", "Télétravail : 3 jours par semaine.", "Possibilité de télétravail hybride."]),
            (RemotePolicy.Remote, true) => random.Pick(["Poste en télétravail complet.", "Télétravail total possible depuis toute la France."]),
            (RemotePolicy.Hybrid, false) => random.Pick(["Hybrid: 2 days a week from home.", "Hybrid working, 3 days remote."]),
            (RemotePolicy.Remote, false) => random.Pick(["This is a fully remote position.", "Remote-first: work from anywhere in the country."]),
            (_, true) => random.Chance(0.3) ? "Poste sur site, pas de télétravail." : null,
            _ => random.Chance(0.3) ? "This role is on-site." : null,
        };
        if (remoteLine is not null)
        {
            closing.Add(remoteLine);
        }
        if (contactInDescription)
        {
            closing.Add(french
                ? random.Pick([$"Envoyez votre CV à {contact!.Email} ou appelez le {contact.Phone}.", $"Contact : {contact!.Name}, {contact.Phone}.", $"Candidature par mail : {contact!.Email}"])
                : random.Pick([$"Send your resume to {contact!.Email} or call {contact.Phone}.", $"Questions? Email {contact!.Email}."]));
        }

        return new SyntheticJob
        {
            Plan = plan,
            Seed = plan.DetailSeed,
            French = french,
            Occupation = occupation,
            Title = title,
            Company = company,
            CompanyHidden = random.Chance(source == JobSource.FranceTravail ? 0.12 : 0.08),
            Place = place,
            Contract = contract,
            ContractMonths = months,
            FullTime = fullTime,
            Remote = remote,
            Experience = experience,
            ExperienceYears = years,
            Salary = salary,
            SalaryPredicted = salary is not null && source == JobSource.Adzuna && random.Chance(0.55),
            Skills = skills.Concat(soft).ToList(),
            Intro = intro,
            Missions = missions,
            Requirements = requirements,
            Closing = closing,
            Contact = contact,
            ContactInDescription = contactInDescription,
            CreatedAt = created,
            UpdatedAt = created.AddSeconds(random.Next(0, 3 * 86_400)).AddMilliseconds(random.Next(0, 1000)),
        };
    }

    private static ContractKind PickContract(Random random, JobSource source, Occupation occupation, ExperienceLevel experience)
    {
        if (source is JobSource.JSearch or JobSource.TheMuse)
        {
            return random.NextDouble() switch
            {
                < 0.08 when experience == ExperienceLevel.Entry || source == JobSource.TheMuse => ContractKind.Internship,
                < 0.16 => ContractKind.Freelance,
                < 0.22 => ContractKind.FixedTerm,
                _ => ContractKind.Permanent,
            };
        }
        var seasonal = occupation.Family is JobFamily.Agriculture or JobFamily.Hospitality ? 0.15 : 0.02;
        var freelance = occupation.Family is JobFamily.Health ? 0.06 : occupation.IsTech ? 0.03 : 0.01;
        var temp = occupation.Family is JobFamily.Logistics or JobFamily.Cleaning or JobFamily.Construction ? 0.25 : 0.07;
        var u = random.NextDouble();
        if ((u -= seasonal) < 0) return ContractKind.Seasonal;
        if ((u -= freelance) < 0) return ContractKind.Freelance;
        if ((u -= temp) < 0) return ContractKind.Temporary;
        if ((u -= 0.05) < 0) return ContractKind.Apprenticeship;
        if ((u -= 0.015) < 0) return ContractKind.Professionalisation;
        if ((u -= source == JobSource.Adzuna ? 0.02 : 0.0) < 0) return ContractKind.Internship;
        if ((u -= occupation.Family == JobFamily.Sales ? 0.05 : 0.004) < 0) return ContractKind.Commercial;
        if ((u -= 0.004) < 0) return ContractKind.Franchise;
        if ((u -= 0.01) < 0) return ContractKind.PermanentTemporary;
        return (u -= 0.22) < 0 ? ContractKind.FixedTerm : ContractKind.Permanent;
    }

    private static RemotePolicy PickRemote(Random random, JobSource source, Occupation occupation)
    {
        var (hybrid, remote) = occupation.IsTech ? (0.40, source == JobSource.TheMuse ? 0.30 : 0.15)
            : occupation.Family is JobFamily.Marketing or JobFamily.Finance or JobFamily.People or JobFamily.Sales ? (0.25, 0.05)
            : (0.03, 0.005);
        var u = random.NextDouble();
        return u < remote ? RemotePolicy.Remote : u < remote + hybrid ? RemotePolicy.Hybrid : RemotePolicy.OnSite;
    }

    private static string Title(Random random, Occupation occupation, bool french, ExperienceLevel experience, ContractKind contract, int? months, List<string> skills)
    {
        var title = random.PickSkewed(french ? occupation.TitlesFr : occupation.TitlesEn, 1)[0];
        if (occupation.IsTech && skills.Count > 0 && random.Chance(0.2) && !title.Contains(skills[0], StringComparison.OrdinalIgnoreCase))
        {
            title = $"{title} {skills[0]}";
        }
        if (occupation.IsTech || occupation.Family is JobFamily.Sales or JobFamily.Finance or JobFamily.Marketing)
        {
            title = (experience, french) switch
            {
                (ExperienceLevel.Entry, true) when random.Chance(0.5) => $"{title} junior",
                (ExperienceLevel.Senior, true) when random.Chance(0.5) => $"{title} senior",
                (ExperienceLevel.Lead, true) when random.Chance(0.5) => $"Lead {title.ToLowerInvariant()}",
                (ExperienceLevel.Entry, false) when random.Chance(0.5) => $"Junior {title}",
                (ExperienceLevel.Senior, false) when random.Chance(0.6) => $"Senior {title}",
                (ExperienceLevel.Lead, false) when random.Chance(0.6) => $"Lead {title}",
                _ => title,
            };
        }
        title = (contract, french) switch
        {
            (ContractKind.Apprenticeship, true) => random.Chance(0.5) ? $"{title} en alternance" : $"Alternance - {title}",
            (ContractKind.Internship, true) => $"Stage - {title}",
            (ContractKind.Internship, false) => $"{title} Intern",
            (ContractKind.FixedTerm, true) when random.Chance(0.3) => $"{title} - CDD {months} mois",
            (ContractKind.Seasonal, true) when random.Chance(0.5) => $"{title} saisonnier",
            _ => title,
        };
        if (french)
        {
            title += random.NextDouble() switch { < 0.55 => " (H/F)", < 0.7 => " H/F", < 0.78 => " (F/H)", _ => "" };
        }
        return title;
    }

    private static SalaryOffer? PickSalary(Random random, JobSource source, Occupation occupation, Place place, ExperienceLevel experience, ContractKind contract)
    {
        var share = source switch
        {
            JobSource.FranceTravail => 0.75,
            JobSource.Adzuna => 0.62,
            JobSource.JSearch => 0.45,
            _ => 0.0,
        };
        if (!random.Chance(share))
        {
            return null;
        }
        var regional = place.RegionCode == "11" ? 1.15 : place.IsFrench ? 0.97 : place.CountryCode == "US" ? 1.6 : 1.25;
        var level = experience switch { ExperienceLevel.Entry => 0.85, ExperienceLevel.Mid => 1.0, ExperienceLevel.Senior => 1.22, _ => 1.4 };
        var student = contract is ContractKind.Apprenticeship or ContractKind.Internship or ContractKind.Professionalisation ? 0.5 : 1.0;
        var low = occupation.AnnualMinEur * regional * level * student * random.Between(0.92, 1.08);
        var high = low * random.Between(1.05, 1.3);
        var aberrant = random.Chance(0.004);
        var style = random.Next(3);
        if (source == JobSource.Adzuna)
        {
            return new SalaryOffer(SalaryPeriod.Year, Round(low, 500), Round(high, 500), 12, false, style);
        }
        var period = source == JobSource.JSearch
            ? random.NextDouble() switch { < 0.7 => SalaryPeriod.Year, < 0.85 => SalaryPeriod.Month, _ => SalaryPeriod.Hour }
            : occupation.IsHourly
                ? random.NextDouble() switch { < 0.45 => SalaryPeriod.Hour, < 0.9 => SalaryPeriod.Month, _ => SalaryPeriod.Year }
                : random.NextDouble() switch { < 0.55 => SalaryPeriod.Year, < 0.95 => SalaryPeriod.Month, _ => SalaryPeriod.Hour };
        var payments = period == SalaryPeriod.Hour ? 151.67m : random.Chance(0.15) ? 13m : 12m;
        var single = random.Chance(period == SalaryPeriod.Hour ? 0.8 : 0.35);
        decimal min, max;
        switch (period)
        {
            case SalaryPeriod.Year:
                (min, max) = (Round(low, 1000), Round(high, 1000));
                if (aberrant) (min, max) = (35m, 35m); // "Annuel de 35.0 Euros": a typo the models must flag
                break;
            case SalaryPeriod.Month:
                (min, max) = (Round(low / (double)payments, 50), Round(high / (double)payments, 50));
                if (aberrant) (min, max) = (Round(low, 1000), Round(high, 1000)); // an annual figure typed as monthly
                break;
            default:
                var hourly = Math.Max(11.65, low / 12 / 151.67);
                (min, max) = (Math.Round((decimal)hourly, 2), Math.Round((decimal)(hourly * random.Between(1.03, 1.15)), 2));
                if (random.Chance(0.3)) min = 11.65m; // the minimum wage, as many postings state it
                break;
        }
        return new SalaryOffer(period, min, single ? null : Math.Max(min, max), payments, aberrant, style);
    }

    private static decimal Round(double value, int step) => (decimal)(Math.Round(value / step) * step);

    private static ContactDetails Contact(Random random, Company company, Place place)
    {
        var first = random.Pick(Names.FirstNames);
        var last = random.Pick(Names.LastNames);
        var email = $"{Names.Slug(first)}.{Names.Slug(last)}@{company.Domain}";
        string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => random.Next(10).ToString(Invariant)));
        var phone = place.CountryCode switch
        {
            "US" => $"(212) 555-{Digits(4)}",
            "GB" => $"+44 20 7946 {Digits(4)}",
            "DE" => $"+49 30 {Digits(8)}",
            _ => random.Next(4) switch
            {
                0 => $"06 {Digits(2)} {Digits(2)} {Digits(2)} {Digits(2)}",
                1 => $"+33 6 {Digits(2)} {Digits(2)} {Digits(2)} {Digits(2)}",
                2 => $"07{Digits(8)}",
                _ => $"04.{Digits(2)}.{Digits(2)}.{Digits(2)}.{Digits(2)}",
            },
        };
        return new ContactDetails(random.Chance(0.5) ? $"{(random.Chance(0.5) ? "Mme" : "M.")} {first} {last}" : $"{first} {last}", email, phone);
    }

    private static string Join(IReadOnlyList<string> items, string and) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {and} " + items[^1],
    };
}
