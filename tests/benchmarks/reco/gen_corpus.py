#!/usr/bin/env python3
"""Synthetic job postings shaped like core.posting (+ skill, posting_skill, location).

Writes tab-separated COPY files (posting, posting_skill, skill, location) into an output folder,
and with the realistic shape a profiles.txt for profile_latency.sh. Deterministic for a seed.
Shapes: realistic (default; realistic_corpus.py: large Zipf vocabularies) or templated (the
first, degenerate corpus: 367 kept terms in all, the worst case for candidate pruning).
Usage: gen_corpus.py --postings N --out DIR [--seed 42] [--shape realistic|templated]
"""
import argparse
import os
import random

import realistic_corpus

ROLES_FR = [
    ("Développeur", ["développement", "application", "code", "logiciel"]),
    ("Ingénieur données", ["pipeline", "données", "entrepôt", "ingestion"]),
    ("Data scientist", ["modèle", "prédiction", "statistique", "apprentissage"]),
    ("Administrateur systèmes", ["serveur", "infrastructure", "supervision", "réseau"]),
    ("Chef de projet", ["planning", "budget", "pilotage", "client"]),
    ("Comptable", ["bilan", "fiscalité", "clôture", "écriture"]),
    ("Commercial", ["prospection", "vente", "négociation", "portefeuille"]),
    ("Infirmier", ["soins", "patient", "hôpital", "garde"]),
    ("Technicien de maintenance", ["panne", "dépannage", "préventive", "équipement"]),
    ("Chargé de recrutement", ["candidat", "entretien", "sourcing", "onboarding"]),
    ("Architecte cloud", ["cloud", "migration", "sécurité", "architecture"]),
    ("Analyste financier", ["reporting", "budget", "analyse", "prévision"]),
    ("Responsable logistique", ["entrepôt", "stock", "transport", "approvisionnement"]),
    ("Designer UX", ["maquette", "utilisateur", "ergonomie", "prototype"]),
    ("Juriste", ["contrat", "conformité", "contentieux", "droit"]),
    ("Électricien", ["câblage", "tableau", "chantier", "habilitation"]),
    ("Cuisinier", ["cuisine", "service", "hygiène", "menu"]),
    ("Professeur", ["cours", "élève", "pédagogie", "classe"]),
    ("Chauffeur poids lourd", ["livraison", "permis", "tournée", "camion"]),
    ("Assistant de direction", ["agenda", "courrier", "accueil", "organisation"]),
]
ROLES_EN = [
    ("Software engineer", ["software", "application", "code", "feature"]),
    ("Data engineer", ["pipeline", "warehouse", "ingestion", "batch"]),
    ("Data scientist", ["model", "prediction", "statistics", "experiment"]),
    ("Site reliability engineer", ["uptime", "incident", "monitoring", "infrastructure"]),
    ("Product manager", ["roadmap", "stakeholder", "discovery", "priorities"]),
    ("Accountant", ["ledger", "tax", "closing", "audit"]),
    ("Sales representative", ["pipeline", "quota", "prospects", "negotiation"]),
    ("Registered nurse", ["patient", "care", "hospital", "shift"]),
    ("Cloud architect", ["cloud", "migration", "security", "architecture"]),
    ("Financial analyst", ["forecast", "reporting", "budget", "variance"]),
    ("UX designer", ["wireframe", "user", "research", "prototype"]),
    ("Recruiter", ["candidate", "interview", "sourcing", "hiring"]),
]
SENIORITY_FR = ["", "Junior", "Senior", "Confirmé", "Lead", "Stagiaire", "Alternant"]
SENIORITY_EN = ["", "Junior", "Senior", "Lead", "Principal", "Intern"]
SKILLS = [
    ("Python", "language"), ("Java", "language"), ("JavaScript", "language"), ("TypeScript", "language"),
    ("C#", "language"), ("Go", "language"), ("Rust", "language"), ("PHP", "language"), ("Scala", "language"),
    ("Kotlin", "language"), ("Swift", "language"), ("Ruby", "language"), ("SQL", "data"), ("PostgreSQL", "data"),
    ("MySQL", "data"), ("MongoDB", "data"), ("Redis", "data"), ("Kafka", "data"), ("Spark", "data"),
    ("Airflow", "data"), ("dbt", "data"), ("Snowflake", "data"), ("BigQuery", "data"), ("Pandas", "data"),
    ("scikit-learn", "data"), ("TensorFlow", "data"), ("PyTorch", "data"), ("Tableau", "bi"), ("Power BI", "bi"),
    ("Metabase", "bi"), ("Excel", "office"), ("SAP", "erp"), ("Salesforce", "crm"), ("HubSpot", "crm"),
    ("Docker", "devops"), ("Kubernetes", "devops"), ("Terraform", "devops"), ("Ansible", "devops"),
    ("Jenkins", "devops"), ("GitLab", "devops"), ("AWS", "cloud"), ("Azure", "cloud"), ("GCP", "cloud"),
    ("Linux", "system"), ("Windows Server", "system"), ("React", "frontend"), ("Angular", "frontend"),
    ("Vue.js", "frontend"), ("Node.js", "backend"), ("Django", "backend"), ("Spring", "backend"),
    (".NET", "backend"), ("Figma", "design"), ("Photoshop", "design"), ("Jira", "method"), ("Scrum", "method"),
    ("Agile", "method"), ("ITIL", "method"), ("Sage", "finance"), ("IFRS", "finance"), ("Anglais", "soft"),
    ("Management", "soft"), ("Négociation", "soft"), ("Communication", "soft"), ("CACES", "certificate"),
    ("Permis C", "certificate"), ("HACCP", "certificate"), ("Habilitation électrique", "certificate"),
]
TECH = {
    "Développeur": [0, 1, 2, 3, 4, 5, 7, 45, 46, 47, 48, 49, 50, 51, 34, 39],
    "Software engineer": [0, 1, 2, 3, 4, 5, 6, 9, 10, 45, 47, 48, 34, 35, 39],
    "Ingénieur données": [0, 8, 12, 13, 17, 18, 19, 20, 21, 22, 23, 40, 42],
    "Data engineer": [0, 8, 12, 13, 17, 18, 19, 20, 21, 22, 40, 42, 35],
    "Data scientist": [0, 12, 23, 24, 25, 26, 18, 27, 28],
    "Administrateur systèmes": [43, 44, 37, 36, 34, 35, 53, 58],
    "Site reliability engineer": [43, 35, 36, 37, 34, 40, 41, 42, 5],
    "Architecte cloud": [40, 41, 42, 35, 36, 34, 43],
    "Cloud architect": [40, 41, 42, 35, 36, 34, 43],
    "Chef de projet": [54, 55, 56, 30, 62, 63],
    "Product manager": [54, 55, 56, 52, 12, 63],
    "Comptable": [30, 31, 58, 59],
    "Accountant": [30, 31, 58, 59],
    "Analyste financier": [30, 28, 59, 12, 31],
    "Financial analyst": [30, 28, 59, 12, 31],
    "Commercial": [32, 33, 61, 63, 60],
    "Sales representative": [32, 33, 61, 63],
    "Designer UX": [52, 53, 45, 55],
    "UX designer": [52, 53, 45, 55],
    "Technicien de maintenance": [64, 67, 30],
    "Électricien": [67, 64],
    "Chauffeur poids lourd": [65, 64],
    "Responsable logistique": [64, 30, 31, 62],
    "Cuisinier": [66],
}
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Soylent", "Tyrell", "Cyberdyne",
             "Vandelay", "Wonka", "Oscorp", "Aperture", "Massive", "Pied Piper", "Dunder", "Prestige", "Monarch", "Gringotts"]
DEPARTEMENTS = ["75", "69", "13", "31", "33", "44", "59", "67", "34", "06", "35", "38", "92", "93", "94", "76", "57", "21", "63", "29"]
CONTRACTS = ["permanent", "fixed_term", "freelance", "internship", "apprenticeship", "temporary"]
REMOTES = ["on_site", "hybrid", "full_remote", "unknown"]

FR_SENTENCES = [
    "Nous recherchons un {role} pour rejoindre notre équipe à {city}.",
    "Vous participerez au {k0} et au {k1} de nos projets.",
    "Vos missions : {k0}, {k1}, {k2} et {k3}.",
    "La maîtrise de {s0} et de {s1} est indispensable.",
    "Une expérience avec {s2} serait un plus.",
    "{company} est une entreprise en forte croissance dans le secteur {sector}.",
    "Vous travaillerez en lien avec les équipes {sector} sur des sujets de {k2}.",
    "Le poste est basé à {city} avec des déplacements ponctuels.",
    "Rémunération selon profil, tickets restaurant et mutuelle.",
    "Vous êtes rigoureux, autonome et avez le sens du service.",
    "Vous maîtrisez {s1} et vous avez déjà travaillé sur le {k3}.",
]
EN_SENTENCES = [
    "We are looking for a {role} to join our team in {city}.",
    "You will own {k0} and {k1} for our products.",
    "Your responsibilities: {k0}, {k1}, {k2} and {k3}.",
    "Strong experience with {s0} and {s1} is required.",
    "Knowledge of {s2} is a plus.",
    "{company} is a fast-growing company in the {sector} industry.",
    "You will work closely with the {sector} teams on {k2}.",
    "The role is based in {city} with occasional travel.",
    "Competitive salary, health insurance and stock options.",
    "You are rigorous, autonomous and customer focused.",
]
CITIES = ["Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Nantes", "Lille", "Strasbourg", "Montpellier", "Nice",
          "Rennes", "Grenoble", "Rouen", "Metz", "Dijon", "Brest"]
SECTORS_FR = ["santé", "banque", "assurance", "énergie", "retail", "industrie", "transport", "éducation", "logiciel", "conseil"]
SECTORS_EN = ["healthcare", "banking", "insurance", "energy", "retail", "manufacturing", "logistics", "education", "software", "consulting"]


def templated(args, rnd):
    """The first benchmark corpus: 32 roles, 68 skills, sentence templates (367 kept terms at
    20,000 postings): every term is frequent, the worst case for candidate pruning."""
    with open(os.path.join(args.out, "skill.tsv"), "w") as f:
        for i, (name, family) in enumerate(SKILLS, start=1):
            f.write(f"{i}\t{name}\t{family}\n")
    with open(os.path.join(args.out, "posting.tsv"), "w") as fp, open(os.path.join(args.out, "posting_skill.tsv"), "w") as fs:
        for pid in range(1, args.postings + 1):
            english = rnd.random() < args.english_share
            roles, seniorities, sentences = (ROLES_EN, SENIORITY_EN, EN_SENTENCES) if english else (ROLES_FR, SENIORITY_FR, FR_SENTENCES)
            role, keywords = rnd.choice(roles)
            tech = TECH.get(role, [61, 62, 63, 30])
            skills = rnd.sample(tech, k=min(len(tech), rnd.randint(2, 6)))
            # A skill from outside the role now and then, so skill pairs are not all role-bound.
            if rnd.random() < 0.3:
                skills.append(rnd.randrange(len(SKILLS)))
            skills = list(dict.fromkeys(skills))
            names = [SKILLS[s][0] for s in skills]
            seniority = rnd.choice(seniorities)
            extra = rnd.choice(names) if rnd.random() < 0.6 else ""
            title = " ".join(x for x in [role, extra, seniority] if x)
            kw = keywords[:]
            rnd.shuffle(kw)
            fill = {
                "role": role.lower(), "city": rnd.choice(CITIES), "company": rnd.choice(COMPANIES),
                "sector": rnd.choice(SECTORS_EN if english else SECTORS_FR),
                "k0": kw[0], "k1": kw[1], "k2": kw[2], "k3": kw[3],
                "s0": names[0], "s1": names[1 % len(names)], "s2": names[-1],
            }
            n = rnd.randint(0, len(sentences))
            picked = rnd.sample(sentences, k=n)
            description = " ".join(s.format(**fill) for s in picked)
            active = "t" if rnd.random() < 0.95 else "f"
            fp.write("\t".join([
                str(pid), title, description, "en" if english else "fr", active,
                str(rnd.randint(1, len(DEPARTEMENTS))), rnd.choice(CONTRACTS), rnd.choice(REMOTES),
            ]) + "\n")
            for s in skills:
                fs.write(f"{pid}\t{s + 1}\n")


def realistic(args, rnd):
    with open(os.path.join(args.out, "posting.tsv"), "w") as fp, open(os.path.join(args.out, "posting_skill.tsv"), "w") as fs, \
            open(os.path.join(args.out, "skill.tsv"), "w") as fk:
        def write_posting(pid, title, description, language, active, location, contract, remote, skills):
            fp.write("\t".join([str(pid), title, description, language, "t" if active else "f",
                                 str(location), contract, remote]) + "\n")
            for s in skills:
                fs.write(f"{pid}\t{s}\n")

        def write_skill(row):
            fk.write("\t".join(map(str, row)) + "\n")

        vocabulary = realistic_corpus.generate(args, rnd, SKILLS, DEPARTEMENTS, CONTRACTS, REMOTES, write_posting, write_skill)
    with open(os.path.join(args.out, "profiles.txt"), "w") as f:
        f.write("\n".join(realistic_corpus.profiles(random.Random(args.seed + 1), vocabulary)) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--postings", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--english-share", type=float, default=0.25)
    parser.add_argument("--shape", choices=["realistic", "templated"], default="realistic")
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "location.tsv"), "w") as f:
        for i, dep in enumerate(DEPARTEMENTS, start=1):
            f.write(f"{i}\t{dep}\n")
    (realistic if args.shape == "realistic" else templated)(args, rnd)


if __name__ == "__main__":
    main()
