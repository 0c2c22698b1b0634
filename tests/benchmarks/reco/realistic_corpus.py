"""A job-posting corpus with a realistic vocabulary: large, Zipf-distributed, long-tailed.

Real postings name thousands of tools, companies, places and occupation-specific words, most of
them rare; a handful of words (contract boilerplate, "experience", "team") appear everywhere.
This generator reproduces that shape with deterministic pseudo-words (no dictionary needed):

- 30 job families, each with a domain vocabulary of 300 words and 120 preferred tools;
- 600 occupations (Zipf popularity): a real head noun ("Développeur", "Technician") plus one or
  two words of the family, and 60 topical words of their own (Zipf within the occupation);
- 4,000 tools (the 68 real skills first), 8,000 companies, 700 places, all Zipf;
- descriptions shaped like `jobmarket synth`'s: intro (company, title, place), 3 to 8 mission
  sentences, requirements (years, tools, soft skills), a boilerplate closing, and now and then
  words from a 30,000-word general vocabulary per language (Zipf, the long tail);
- 10 % of postings re-list an earlier one (same company and text, another place, a sentence
  dropped): the near-duplicates a real corpus has.
"""
import bisect
import itertools
import random

CONSONANTS = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "tr", "pl", "pr", "gr", "br", "cl"]
VOWELS_FR = ["a", "e", "i", "o", "u", "é", "ou", "au", "ai", "an", "on", "in"]
VOWELS_EN = ["a", "e", "i", "o", "u", "ea", "oo", "ai", "y"]
SUFFIXES_FR = ["tion", "ment", "eur", "ique", "age", "ance", "ence", "ité", "iste", "oir", "ure", "ade", "ette", "al", "ier", "if", "able", ""]
SUFFIXES_EN = ["tion", "ment", "er", "ing", "ity", "ics", "ness", "ance", "ist", "ure", "al", "ive", "able", "ship", "ous", ""]
TOOL_SUFFIXES = ["ix", "io", "ora", "ex", "ify", "base", "flow", "hub", "stack", "lab", "DB", "ly", "on", "ia"]

HEADS_FR = ["Développeur", "Ingénieur", "Technicien", "Responsable", "Chargé", "Assistant", "Consultant", "Chef",
            "Gestionnaire", "Analyste", "Opérateur", "Conseiller", "Agent", "Directeur", "Coordinateur", "Architecte",
            "Infirmier", "Vendeur", "Commercial", "Comptable", "Juriste", "Formateur", "Auxiliaire", "Préparateur",
            "Conducteur", "Animateur", "Acheteur", "Contrôleur", "Designer", "Administrateur"]
HEADS_EN = ["Developer", "Engineer", "Technician", "Manager", "Officer", "Assistant", "Consultant", "Lead",
            "Specialist", "Analyst", "Operator", "Advisor", "Agent", "Director", "Coordinator", "Architect", "Nurse",
            "Salesperson", "Representative", "Accountant", "Counsel", "Trainer", "Aide", "Planner", "Driver",
            "Buyer", "Controller", "Designer", "Administrator", "Scientist"]
SENIORITY_FR = ["", "", "", "Junior", "Senior", "Confirmé", "Stagiaire", "Alternant", "H/F"]
SENIORITY_EN = ["", "", "", "Junior", "Senior", "Principal", "Intern", "II"]
VERBS_FR = ["Concevoir", "Assurer", "Piloter", "Développer", "Garantir", "Participer à", "Suivre", "Gérer",
            "Analyser", "Optimiser", "Mettre en place", "Coordonner", "Contrôler", "Animer", "Rédiger", "Accompagner"]
VERBS_EN = ["Design", "Own", "Drive", "Build", "Ensure", "Contribute to", "Track", "Manage", "Analyse",
            "Optimise", "Set up", "Coordinate", "Review", "Lead", "Write", "Support"]
LINKS_FR = ["et", "de la", "des", "pour les", "avec les", "sur le", "dans le cadre de la"]
LINKS_EN = ["and", "of the", "for the", "with the", "across", "within the"]
SOFT_FR = ["rigueur", "autonomie", "curiosité", "esprit d'équipe", "sens du service", "organisation", "réactivité",
           "bienveillance", "adaptabilité", "persévérance", "leadership", "pédagogie"]
SOFT_EN = ["rigour", "autonomy", "curiosity", "teamwork", "customer focus", "organisation", "responsiveness",
           "empathy", "adaptability", "ownership", "leadership", "communication"]
CLOSING_FR = ["Rémunération selon profil, tickets restaurant et mutuelle.", "Prise de poste dès que possible.",
              "Poste ouvert aux personnes en situation de handicap.", "Vous rejoindrez une équipe dynamique et bienveillante.",
              "Processus de recrutement : un entretien RH puis un entretien technique.", "Contrat à pourvoir rapidement."]
CLOSING_EN = ["Competitive salary, health insurance and paid time off.", "Start as soon as possible.",
              "We are an equal opportunity employer.", "You will join a friendly and ambitious team.",
              "Hiring process: a call with HR, then a technical interview.", "Apply now."]
COMPANY_SUFFIXES = ["", "", "", "Group", "Conseil", "Services", "Industries", "Technologies", "Santé", "Solutions"]


class Zipf:
    """Draws items with probability ∝ 1 / rank^s."""

    def __init__(self, items, s=1.0):
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(1.0 / (r ** s) for r in range(1, len(self.items) + 1)))

    def draw(self, rnd):
        return self.items[bisect.bisect(self.cumulative, rnd.random() * self.cumulative[-1])]

    def sample(self, rnd, k):
        picked = []
        for _ in range(k * 4):
            item = self.draw(rnd)
            if item not in picked:
                picked.append(item)
                if len(picked) == k:
                    break
        return picked


def pseudo_words(rnd, count, vowels, suffixes, taken, capitalise=False, tail=None):
    words = []
    while len(words) < count:
        syllables = rnd.choice([1, 2, 2, 3, 3, 4])
        word = "".join(rnd.choice(CONSONANTS) + rnd.choice(vowels) for _ in range(syllables))
        word += rnd.choice(tail if tail else suffixes)
        if capitalise:
            word = word.capitalize()
        if len(word) >= 4 and word.lower() not in taken:
            taken.add(word.lower())
            words.append(word)
    return words


class Vocabulary:
    """Every pool the postings draw from, per language."""

    def __init__(self, rnd, real_skills, families=30, occupations=600):
        taken = set()
        self.tools = [name for name, _ in real_skills] + pseudo_words(rnd, 4000 - len(real_skills), VOWELS_EN, [], taken, True, TOOL_SUFFIXES)
        self.tool_family = {name: family for name, family in real_skills}
        tool_zipf = Zipf(self.tools, 1.0)
        self.companies = Zipf([" ".join(x for x in [name, rnd.choice(COMPANY_SUFFIXES)] if x)
                               for name in pseudo_words(rnd, 8000, VOWELS_FR + VOWELS_EN, [""], taken, True)], 1.05)
        self.places = Zipf(["Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Nantes", "Lille", "Strasbourg"]
                           + [("Saint-" if rnd.random() < 0.2 else "") + w for w in pseudo_words(rnd, 692, VOWELS_FR, ["", "ville", "court", "ac", "y"], taken, True)], 1.0)
        self.general = {
            "fr": Zipf(pseudo_words(rnd, 30000, VOWELS_FR, SUFFIXES_FR, taken), 1.1),
            "en": Zipf(pseudo_words(rnd, 30000, VOWELS_EN, SUFFIXES_EN, taken), 1.1),
        }
        self.families = []
        for _ in range(families):
            self.families.append({
                "fr": pseudo_words(rnd, 300, VOWELS_FR, SUFFIXES_FR, taken),
                "en": pseudo_words(rnd, 300, VOWELS_EN, SUFFIXES_EN, taken),
                "tools": Zipf(tool_zipf.sample(rnd, 120), 0.9),
            })
        self.occupations = []
        for index in range(occupations):
            family = self.families[index % families]
            occupation = {"family": family}
            for language, heads in (("fr", HEADS_FR), ("en", HEADS_EN)):
                pool = Zipf(family[language], 0.8)
                qualifiers = pool.sample(rnd, rnd.choice([1, 1, 2]))
                occupation[language + "_title"] = " ".join([rnd.choice(heads)] + qualifiers)
                topical = pool.sample(rnd, 45) + self.general[language].sample(rnd, 15)
                rnd.shuffle(topical)
                occupation[language] = Zipf(topical, 0.9)
            self.occupations.append(occupation)
        self.occupation_zipf = Zipf(self.occupations, 1.0)

    def skill_rows(self):
        return [(i, name, self.tool_family.get(name, "tool")) for i, name in enumerate(self.tools, start=1)]


def mission(rnd, occupation, vocabulary, language):
    verbs, links = (VERBS_FR, LINKS_FR) if language == "fr" else (VERBS_EN, LINKS_EN)
    words = []
    for _ in range(rnd.randint(2, 5)):
        roll = rnd.random()
        if roll < 0.75:
            words.append(occupation[language].draw(rnd))
        elif roll < 0.92:
            words.append(rnd.choice(occupation["family"][language]))
        else:
            words.append(vocabulary.general[language].draw(rnd))
    text = words[0]
    for word in words[1:]:
        text += " " + rnd.choice(links) + " " + word
    return f"{rnd.choice(verbs)} {text}."


def posting(rnd, vocabulary, english_share):
    language = "en" if rnd.random() < english_share else "fr"
    occupation = vocabulary.occupation_zipf.draw(rnd)
    family = occupation["family"]
    tools = family["tools"].sample(rnd, rnd.randint(1, 6))
    if rnd.random() < 0.3:
        tools.append(vocabulary.tools[rnd.randrange(len(vocabulary.tools))])
    tools = list(dict.fromkeys(tools))
    company = vocabulary.companies.draw(rnd)
    place = vocabulary.places.draw(rnd)
    french = language == "fr"
    seniority = rnd.choice(SENIORITY_FR if french else SENIORITY_EN)
    title = " ".join(x for x in [occupation[language + "_title"], tools[0] if rnd.random() < 0.4 else "", seniority] if x)
    if french:
        intro = rnd.choice([f"{company} recrute un(e) {title} à {place}.", f"Rejoignez {company} en tant que {title}.",
                            f"Dans le cadre de son développement, {company} recherche un(e) {title} pour son site de {place}."])
        years = rnd.choice([0, 1, 2, 3, 5, 8])
        requirements = ["Débutant accepté." if years == 0 else f"Expérience de {years} ans minimum sur un poste similaire.",
                        f"Maîtrise de {', '.join(tools)}.",
                        f"Qualités attendues : {' et '.join(rnd.sample(SOFT_FR, 2))}."]
        about = f"{company} est un acteur reconnu du secteur {vocabulary.general[language].draw(rnd)} et de la {vocabulary.general[language].draw(rnd)}."
        closing = rnd.sample(CLOSING_FR, rnd.randint(1, 3))
    else:
        intro = rnd.choice([f"{company} is hiring a {title} in {place}.", f"Join {company} as a {title}.",
                            f"We are looking for a {title} to join our team in {place}."])
        years = rnd.choice([0, 1, 2, 3, 5, 8])
        requirements = ["No experience required." if years == 0 else f"{years}+ years of experience in a similar role.",
                        f"Strong skills in {', '.join(tools)}.",
                        f"Good {' and '.join(rnd.sample(SOFT_EN, 2))} skills."]
        about = f"{company} is a leading {vocabulary.general[language].draw(rnd)} and {vocabulary.general[language].draw(rnd)} company."
        closing = rnd.sample(CLOSING_EN, rnd.randint(1, 3))
    sentences = [intro] + [mission(rnd, occupation, vocabulary, language) for _ in range(rnd.randint(3, 8))]
    if rnd.random() < 0.4:
        sentences.append(about)
    sentences += requirements + closing
    return {"title": title, "sentences": sentences, "language": language, "tools": tools, "place": place}


def relist(rnd, original, vocabulary):
    """The same offer again: another place, one sentence dropped."""
    copy = dict(original)
    sentences = [s.replace(original["place"], vocabulary.places.draw(rnd)) for s in original["sentences"]]
    if len(sentences) > 4:
        del sentences[rnd.randrange(1, len(sentences))]
    copy["sentences"] = sentences
    return copy


def generate(args, rnd, real_skills, departements, contracts, remotes, write_posting, write_skill):
    vocabulary = Vocabulary(rnd, real_skills)
    for row in vocabulary.skill_rows():
        write_skill(row)
    index = {name: i for i, name, _ in vocabulary.skill_rows()}
    recent = []
    for pid in range(1, args.postings + 1):
        if recent and rnd.random() < 0.10:
            job = relist(rnd, rnd.choice(recent), vocabulary)
        else:
            job = posting(rnd, vocabulary, args.english_share)
            recent.append(job)
            if len(recent) > 5000:
                recent.pop(rnd.randrange(len(recent)))
        # 3 % of postings have no description at all (title-only listings).
        description = "" if rnd.random() < 0.03 else " ".join(job["sentences"])
        write_posting(pid, job["title"], description, job["language"], rnd.random() < 0.95,
                      rnd.randint(1, len(departements)), rnd.choice(contracts), rnd.choice(remotes),
                      [index[t] for t in job["tools"]])
    return vocabulary


def profiles(rnd, vocabulary, count=20):
    """Free-text profiles in the corpus' vocabulary (a title, tools, a few mission words)."""
    out = []
    for _ in range(count):
        job = posting(rnd, vocabulary, 0.25)
        words = " ".join(job["sentences"][1:3])
        out.append(f"{job['title']}. {', '.join(job['tools'])}. {words}".replace("'", " "))
    return out
