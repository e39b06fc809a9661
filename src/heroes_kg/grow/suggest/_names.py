"""Gazetteers and the type a new name gets: studios and streaming services are
organizations, "Vanity Fair" is a publication, "Instagram" a platform."""

from __future__ import annotations

import functools
import re
from importlib import resources

from ._text import MONTHS, STOP, WEEKDAYS

__all__ = ["FILM_WORDS", "FIRST_NAMES", "KNOWN_NAMES", "NATIONALITIES", "NETWORKS", "PLACES", "PLATFORMS", "PRONOUNS",
           "PUBLICATIONS", "STREAMERS", "STUDIOS", "TV_WORDS", "guess_type", "is_common_word",
           "is_given_name", "is_nationality", "is_noise", "is_opening_word",
           "is_place_or_award", "not_a_person", "work_kind"]

STREAMERS = {"netflix", "hulu", "disney+", "disney plus", "prime video", "amazon prime video",
             "amazon prime", "hbo max", "max", "peacock", "paramount+", "paramount plus",
             "apple tv+", "apple tv plus", "apple tv", "amazon", "crunchyroll",
             "tubi", "roku", "shudder", "mubi", "britbox", "acorn tv", "bbc iplayer",
             "youtube premium", "fubotv", "sling", "amc+", "discovery+", "espn+", "freevee",
             "pluto tv", "the roku channel", "stan", "binge", "crave", "now", "sky go"}
NETWORKS = {"hbo", "fx", "amc", "nbc", "cbs", "abc", "fox", "the cw", "cw", "bbc", "itv",
            "channel 4", "cartoon network", "nickelodeon", "disney channel", "syfy", "usa",
            "tnt", "tbs", "bravo", "a&e", "lifetime", "hallmark", "pbs", "mtv", "comedy central",
            "adult swim", "fxx", "freeform", "epix", "mgm+", "bbc one", "bbc two", "sky",
            "sky atlantic", "cinemax", "showtime", "starz", "cbc", "jtbc", "tvn", "kbs", "kbs2",
            "sbs", "mbc", "ocn", "sky1", "sky one", "e4", "channel 5", "hgtv", "tlc", "the wb",
            "usa network", "wgn", "wgn america", "bbc america", "sundancetv", "sundance tv",
            "ifc", "tv land", "paramount network", "abc family", "bbc three", "bbc four"}
STUDIOS = {"warner bros.", "warner bros", "universal", "universal pictures", "sony",
           "sony pictures", "columbia pictures", "paramount", "paramount pictures", "lionsgate",
           "a24", "neon", "focus features", "searchlight", "searchlight pictures", "disney",
           "walt disney", "pixar", "marvel", "marvel studios", "lucasfilm", "dreamworks",
           "legendary", "legendary pictures", "blumhouse", "mgm", "amazon mgm studios",
           "amazon studios", "netflix studios", "new line cinema", "miramax", "dimension films",
           "troublemaker studios", "skydance", "bad robot", "plan b", "annapurna",
           "20th century studios", "20th century fox", "touchstone", "illumination",
           "shondaland", "imagine entertainment", "amblin", "amblin entertainment", "hbo films",
           "apple original films", "blumhouse productions", "entertainment one", "eone",
           "sony pictures television", "warner bros. television", "universal television",
           "20th television", "abc signature", "fremantle", "banijay", "bbc studios",
           "studiocanal", "gaumont", "pathé", "toho", "aniplex", "mappa", "a24 films",
           "anonymous content", "left bank pictures", "wiip", "fifth season", "endeavor content",
           "mrc", "village roadshow", "working title", "heyday films", "eon productions",
           "hello sunshine", "appian way", "plan b entertainment", "lucasfilm ltd.",
           "participant", "orion pictures", "screen gems", "tristar pictures", "fox 2000",
           "20th century fox television", "abc studios", "cbs studios", "hbo"}
PUBLICATIONS = {"variety", "the hollywood reporter", "hollywood reporter", "deadline",
                "deadline hollywood", "vanity fair", "entertainment weekly", "ew", "people",
                "people magazine", "empire", "collider", "indiewire", "rolling stone",
                "the new york times", "new york times", "the guardian", "gq", "vogue",
                "esquire", "total film", "thewrap", "the wrap", "screen rant", "forbes",
                "comicbook.com", "ign", "polygon", "vulture", "time", "the atlantic",
                "los angeles times", "la times", "usa today", "the washington post",
                "washington post", "bbc news", "cnn", "associated press", "the associated press",
                "ap", "reuters", "bloomberg", "the independent", "digital spy", "radio times",
                "den of geek", "slashfilm", "/film", "gamesradar", "the verge", "wired",
                "elle", "harper's bazaar", "glamour", "cosmopolitan", "w magazine", "interview",
                "interview magazine", "access hollywood", "extra", "et", "entertainment tonight",
                "good morning america", "today", "the today show", "the tonight show",
                "jimmy kimmel live", "the late show", "e! news", "e!", "tudum", "what's on netflix",
                "flixpatrol", "nielsen", "box office mojo", "rotten tomatoes", "letterboxd",
                "imdb", "the new yorker", "new yorker", "slate", "salon", "insider",
                "business insider", "the daily beast", "nme", "cinemablend", "gizmodo",
                "io9", "the ringer", "decider", "tvline", "tv line", "tvinsider", "tv guide",
                "the a.v. club", "av club", "uproxx", "mashable", "buzzfeed", "huffpost"}
PLATFORMS = {"instagram", "twitter", "x", "tiktok", "facebook", "youtube", "threads",
             "snapchat", "reddit", "bluesky", "weibo", "tumblr", "linkedin"}
PRONOUNS = {"i", "me", "my", "mine", "you", "your", "he", "him", "his", "she", "her", "hers",
            "it", "its", "we", "us", "our", "they", "them", "their", "this", "that", "these",
            "those", "who", "whom", "whose", "which", "what", "someone", "everyone", "anyone"}
_ORG_WORDS = re.compile(
    r"\b(?:Studios?|Pictures|Entertainment|Films?|Productions?|Media|Network|Networks|Inc\.?|"
    r"Company|Co\.|Corp\.?|Group|Records|Television|TV|Channel|Animation|Cinema|Features|"
    r"Releasing|Distribution|Studio|Industries|Labs?|Partners|Agency|Academy|Festival|"
    r"Association|Guild|Foundation|University|College|Institute|Society|Council|Magazine|"
    r"News|Times|Post|Journal|Daily|Weekly|Reporter|Press|Tribune|Herald|Games|Comics|"
    r"Publishing|Books|Capital|Ventures|Holdings|Brothers|Bros\.?|Team|Club|League|Awards?|"
    r"Committee|Department|Office|Service|Services|Agency)\b")
_PUBLICATION_WORDS = re.compile(r"\b(?:Magazine|News|Times|Post|Journal|Daily|Weekly|Reporter|"
                                r"Press|Tribune|Herald)\b")


PLACES = {
    "united states", "u.s.", "us", "america", "north america", "south america", "latin america",
    "canada", "mexico", "brazil", "argentina", "united kingdom", "uk", "u.k.", "britain",
    "great britain", "england", "scotland", "wales", "ireland", "northern ireland", "france",
    "germany", "spain", "italy", "portugal", "netherlands", "belgium", "sweden", "norway",
    "denmark", "finland", "poland", "russia", "ukraine", "turkey", "greece", "israel", "egypt",
    "india", "china", "japan", "south korea", "korea", "north korea", "australia",
    "new zealand", "south africa", "nigeria", "kenya", "bahrain", "jordan", "lebanon",
    "saudi arabia", "qatar", "united arab emirates", "iran", "iraq", "pakistan", "indonesia",
    "philippines", "thailand", "vietnam", "singapore", "malaysia", "europe", "asia", "africa",
    "middle east", "the middle east", "new york", "new york city", "los angeles", "hollywood",
    "london", "paris", "berlin", "rome", "madrid", "tokyo", "toronto", "vancouver", "atlanta",
    "chicago", "boston", "miami", "san francisco", "seattle", "austin", "texas", "california",
    "florida", "georgia", "new mexico", "new jersey", "louisiana", "new orleans",
    "north carolina", "south carolina", "virginia", "washington", "washington d.c.",
    "las vegas", "nevada", "arizona", "colorado", "utah", "oregon", "ohio", "michigan",
    "pennsylvania", "philadelphia", "detroit", "brooklyn", "manhattan", "queens", "bronx",
    "silicon valley", "sydney", "melbourne", "dublin", "belfast", "edinburgh", "glasgow",
    "manchester", "liverpool", "hawaii", "alaska", "montana", "tennessee", "nashville",
    "kentucky", "alabama", "mississippi", "oklahoma", "kansas", "missouri", "iowa",
    "minnesota", "wisconsin", "illinois", "indiana", "maryland", "baltimore", "massachusetts",
    "connecticut", "vermont", "maine", "budapest", "prague", "vienna", "amsterdam",
    "copenhagen", "stockholm", "oslo", "helsinki", "moscow", "beijing", "shanghai",
    "hong kong", "seoul", "mumbai", "delhi", "cairo", "dubai", "rio de janeiro", "sao paulo",
    "buenos aires", "mexico city", "cannes", "venice", "sundance", "toronto international",
    # seats of government a headline names ("whiz kid joins White House")
    "white house", "the white house", "capitol hill", "the kremlin", "kremlin", "the pentagon",
    "pentagon"}
_PLACE_WORDS = re.compile(r"\b(?:City|County|Island|Islands|Valley|Beach|Street|Avenue|Park|"
                          r"Mountains?|River|Lake|Bay|Coast|Kingdom|Republic|State|States|"
                          r"Province|Region|Desert|Ocean|Sea|Square|Heights|Hills)$")
_AWARD_WORDS = re.compile(r"^(?:Best|Outstanding)\b|\b(?:Award|Awards|Prize|Globe|Globes|Emmy|"
                          r"Emmys|Oscar|Oscars|Bafta|BAFTA|Grammy|Grammys|Tony|Tonys)\b")


def is_place_or_award(name: str) -> bool:
    """"North Carolina", "San Francisco", "Best Actress", "Golden Globe": not a person
    or an organization a curator adds from film news."""
    key = name.lower().strip()
    return key in PLACES or bool(_PLACE_WORDS.search(name)) or bool(_AWARD_WORDS.search(name))


_COLON_SUBTITLE = re.compile(r"\w: ")
_STUDIO_WORD = re.compile(r"Studios?|Pictures|Productions?|Films|Entertainment|Animation")


#: The ending of most words for where someone is from: "Jordanian", "Japanese".
_NATIONALITY_ENDING = re.compile(r"(?:ish|ian|ese|can|ian-born|ic|i)$")
#: Words for where someone is from: "British actor Idris Elba" names no work.
NATIONALITIES = {"British", "American", "Canadian", "Australian", "Irish", "English",
                 "Scottish", "Welsh", "French", "German", "Italian", "Spanish", "Mexican",
                 "Japanese", "Korean", "Chinese", "Indian", "Nigerian", "Swedish", "Danish",
                 "Dutch", "Brazilian", "Argentine", "Polish", "Russian", "Israeli",
                 "Kenyan", "South", "African", "Hollywood", "Bollywood", "Broadway",
                 "Czech", "Belgian", "Austrian", "Swiss", "Norwegian", "Finnish", "Turkish",
                 "Greek", "Portuguese", "Icelandic", "Hungarian", "Romanian",
                 # languages whose film industries name an actor: "Tamil star Saravanan
                 # Sivakumar"
                 "Tamil", "Telugu", "Hindi", "Malayalam", "Kannada", "Marathi", "Punjabi",
                 "Bengali", "Tollywood", "Kollywood", "Nollywood"}


def is_nationality(word: str) -> bool:
    """A word for where someone or something is from: "German", "Jordanian"."""
    return word in NATIONALITIES or _NATIONALITY_ENDING.search(word) is not None


def guess_type(name: str) -> str:
    """The type a new name gets when nothing else says: Organization subtypes for the
    gazetteers and company words, Person otherwise."""
    key = name.lower().strip()
    if key in PLATFORMS:
        return "SocialMediaPlatform"
    if key in STREAMERS:
        return "StreamingService"
    if key in PUBLICATIONS or _PUBLICATION_WORDS.search(name):
        return "NewsMediaOrganization"
    if key in STUDIOS or key in NETWORKS:
        return "ProductionCompany" if key in STUDIOS else "TelevisionNetwork"
    if re.fullmatch(r"(?:[A-Z][\w&-]* ){1,2}Screen", name):
        return "ProductionCompany"  # "Mammoth Screen", "Left Bank Screen": a company's last word
    if _ORG_WORDS.search(name) and not _COLON_SUBTITLE.search(name):
        # not "Mapplethorpe: Look at the Pictures": a company has no subtitle
        if _STUDIO_WORD.search(name):
            return "ProductionCompany"
        return "Organization"
    if name.isupper() and len(name) <= 6:
        return "Organization"
    first = key.split(" ", 1)[0]
    words = key.split()
    if len(words) == 2 and first in ("max",) and name.split()[1][:1].isupper() and \
            words[1] not in ("original", "originals", "plus", "go", "app", "subscribers",
                             "streaming", "series", "film", "films"):
        return "Person"  # "Max Adler": a given name that is also a service's name
    if " " in key and (first in STREAMERS or first in STUDIOS or first in NETWORKS or
                       first in PLATFORMS or first in ("amazon", "apple", "google", "microsoft",
                                                       "warner", "disney", "sony", "comcast")):
        return "Organization"  # "Amazon Music Unlimited"
    return "Person"


#: Every organization name the gazetteers hold.
KNOWN_NAMES = STREAMERS | NETWORKS | STUDIOS | PUBLICATIONS | PLATFORMS


#: Sentence adverbs and connectives that open a sentence capitalized ("Globally, the
#: action sequel crossed …"): common English words, never a name.
_ADVERBS = frozenset(["meanwhile", "however", "overall", "elsewhere", "still", "plus",
                      "instead", "indeed", "moreover", "furthermore", "nevertheless",
                      "nonetheless", "otherwise", "likewise", "thus", "hence", "besides",
                      "already", "together", "altogether", "later", "earlier", "today",
                      "tonight", "tomorrow", "yesterday", "domestically", "abroad", "worldwide",
                      "overseas", "internationally", "first", "next", "last", "finally",
                      "again", "sadly", "luckily", "thankfully", "hopefully", "ultimately"])
_ADVERB_ENDING = re.compile(r"[A-Z][a-z]{2,}(?:ally|ately|ously|ently|ively|edly|ingly|antly|"
                            r"arly|ably|ibly|essly|fully)")


#: Verb forms news opens a sentence with ("Premiered on April 14, the new series …"):
#: participles of what happens to a work, never its title on their own.
_OPENING_VERBS = frozenset(["premiered", "premiering", "released", "releasing", "launched",
                            "launching", "announced", "confirmed", "renewed", "cancelled",
                            "canceled", "filmed", "filming", "directed", "produced", "written",
                            "created", "based", "starring", "debuted", "debuting", "returning",
                            "arriving", "streaming", "airing", "aired", "shot", "adapted",
                            "inspired", "set", "slated", "scheduled", "greenlit", "ordered"])


def is_opening_word(word: str) -> bool:
    """A capitalized word that opens a sentence and names nothing: a common adverb
    ("Globally", "Meanwhile", "Reportedly") or a verb form ("Premiered")."""
    low = word.lower()
    return low in _ADVERBS or low in _OPENING_VERBS or _ADVERB_ENDING.fullmatch(word) is not None


_CONTRACTION = re.compile(r"[’'](?:s|t|re|ve|ll|d|m)\b")


def is_noise(name: str) -> bool:
    """Names no curator would keep: a pronoun, a month or weekday, a contraction, a
    sentence-initial function word or adverb, a lowercase fragment."""
    words = name.split()
    if not words:
        return True
    if len(words) == 1 and is_opening_word(words[0]):
        return True
    if len(words) == 1 and (words[0] in STOP or words[0].lower() in PRONOUNS):
        return True
    low = name.lower()
    if low in MONTHS or low in WEEKDAYS or low in PRONOUNS:
        return True
    if _CONTRACTION.search(name) and len(words) == 1:
        return True
    if any(w.lower() in PRONOUNS and not w.isupper() for w in words) and len(words) <= 2:
        return True
    return not name[0].isupper() and not name[0].isdigit()


#: Common first names (written for this module from everyday English usage): a two-word
#: name that starts with one is a person's, not a title ("Tom Hanks", not "American
#: Hustle").
FIRST_NAMES = frozenset(["aaron", "adam", "adrian", "alan", "albert", "alex", "alexander", "alexandra", "alice", "alicia", "alison", "amanda", "amber", "amy", "andrea", "andrew", "angela", "angelina", "ann", "anna", "anne", "anthony", "antonio", "april", "ashley", "austin", "barbara", "ben", "benjamin", "beth", "betty", "bill", "billy", "blake", "bob", "bobby", "brad", "bradley", "brandon", "brian", "bridget", "brittany", "bruce", "bryan", "caleb", "cameron", "carl", "carlos", "carol", "caroline", "carrie", "catherine", "charles", "charlie", "charlotte", "chloe", "chris", "christian", "christina", "christine", "christopher", "claire", "colin", "connor", "courtney", "craig", "dakota", "dan", "daniel", "danielle", "david", "dennis", "diana", "diane", "dominic", "donald", "donna", "dorothy", "drew", "dwayne", "dylan", "edward", "eleanor", "elizabeth", "ella", "ellen", "emily", "emma", "eric", "erica", "ethan", "eva", "evan", "frank", "gary", "george", "gillian", "gina", "grace", "greg", "gregory", "hannah", "harrison", "harry", "heather", "helen", "henry", "hugh", "ian", "isaac", "isabella", "jack", "jackson", "jacob", "jake", "james", "jamie", "jane", "janet", "jason", "jay", "jean", "jeff", "jeffrey", "jennifer", "jenna", "jeremy", "jerry", "jessica", "jill", "jim", "jimmy", "joan", "joe", "joel", "john", "johnny", "jon", "jonathan", "jordan", "jose", "joseph", "joshua", "josh", "judy", "julia", "julie", "justin", "karen", "kate", "katherine", "kathy", "katie", "keanu", "keith", "kelly", "ken", "kevin", "kim", "kristen", "kyle", "larry", "laura", "lauren", "leonardo", "lily", "linda", "lisa", "liz", "louis", "lucas", "lucy", "luke", "lupita", "maggie", "margaret", "margot", "maria", "mark", "martin", "mary", "matt", "matthew", "megan", "melissa", "meryl", "michael", "michelle", "mike", "millie", "molly", "morgan", "nancy", "natalie", "nathan", "nicholas", "nick", "nicole", "noah", "olivia", "oscar", "owen", "pamela", "patricia", "patrick", "paul", "pedro", "peter", "philip", "rachel", "ralph", "rami", "rebecca", "richard", "rick", "robert", "robin", "ron", "ronald", "rose", "ruth", "ryan", "sally", "sam", "samantha", "samuel", "sandra", "sara", "sarah", "scott", "sean", "sebastian", "seth", "sharon", "simon", "sofia", "sophia", "sophie", "stephanie", "stephen", "steve", "steven", "susan", "sydney", "taylor", "teresa", "thomas", "tim", "timothy", "tina", "todd", "tom", "tony", "tyler", "uma", "victoria", "vincent", "walter", "wendy", "will", "william", "winona", "zach", "zachary", "zoe"])


@functools.cache
def _given_names() -> frozenset[str]:
    """Given names: the US Census 1990 first-name lists the `names` package ships (5,163
    names), with FIRST_NAMES; read once, when first asked."""
    found = set(FIRST_NAMES)
    for part in ("dist.male.first", "dist.female.first"):
        text = resources.files("names").joinpath(part).read_text(encoding="ascii")
        found.update(line.split(" ", 1)[0].lower() for line in text.splitlines() if line)
    return frozenset(found)


@functools.cache
def _common_words() -> frozenset[str]:
    """The 5,000 most frequent English words (wordfreq's small list); read once."""
    from wordfreq import top_n_list  # a 0.4 s load, paid only by an article that needs it
    return frozenset(top_n_list("en", 5000, wordlist="small"))


def is_given_name(word: str) -> bool:
    """"Priscilla", "Marc", "Will": a word people are named."""
    return word.lower() in _given_names()


def is_common_word(word: str) -> bool:
    """"Constant", "Sixth", "Keeping", "Captain": a frequent English word that is not also
    a given name ("Will", "Grace" and "Mark" are both)."""
    low = word.lower()
    return low in _common_words() and low not in _given_names()


#: Words that open a person's or a character's name: "Uncle Asriel", "Lady Bird", "Sir Ian".
_KIN = frozenset(["uncle", "aunt", "auntie", "grandma", "grandpa", "granny", "mother", "father",
                  "brother", "sister", "cousin", "mama", "papa", "mom", "dad", "sir", "lady",
                  "lord", "dame", "madam", "miss", "master", "saint", "pope", "king", "queen",
                  "prince", "princess", "emperor"])
#: Particles that open a surname: "De Rosso", "Van Patten", "Del Toro".
_PARTICLES = frozenset(["de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "la",
                        "le", "al", "el", "bin", "ben", "mac", "mc", "st", "san", "dos", "das"])
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def not_a_person(name: str) -> bool:
    """A title-case name that cannot be someone's because its first word is a common
    English word and no given name: "Constant Gardener", "Sixth Sense", "Keeping Faith",
    "Agent Elvis" (not "Song Kang-ho": a family name first, a hyphenated given name after;
    nor "S Shankar": an initial without its full stop, unlike the words "A" and "I")."""
    words = name.split()
    if len(words) < 2 or not words[0].isalpha() or (len(words[0]) == 1 and
                                                   words[0] not in ("A", "I")):
        return False
    if any(_HYPHENATED_GIVEN.fullmatch(w) for w in words[1:]) or words[0].lower() in _KIN or \
            words[0].lower() in _PARTICLES or len(words[-1]) <= 3:
        return False  # "De Rosso", "Won Ji" (a one-syllable given name last: "Ji", "Woo")
    return is_common_word(words[0])


#: Words that speak of TV, and words that speak of film: which kind of work a title is
#: where nothing else says so.
TV_WORDS = re.compile(r"\b(?:series|shows?|seasons?|episodes?|TV|television|sitcom|"
                      r"showrunner|miniseries|docuseries|binge-watch\w*)\b")
FILM_WORDS = re.compile(r"\b(?:films?|movies?|box office|theaters?|theatres?|cinemas?|"
                        # not the verb: "Vigil's cast will also feature …"
                        r"(?<!\bwill )(?<!\balso )(?<!\bto )(?<!\bwould )feature|"
                        # not a first name: "starring Oscar Isaac"
                        r"blockbusters?|trilogy|sequel|prequel|filmmaker|Oscars?(?! [A-Z]))\b")


def work_kind(clause: str, article: str = "") -> str:
    """TVSeries or Movie for a work the words around it do not name: TV words ("series",
    "season", "episodes") or a network in its clause, film words ("film", "box office"),
    else (neither or both) the article's more frequent kind of words; Movie when no
    article is given."""
    tv_clause = TV_WORDS.search(clause) or any(w.lower() in NETWORKS for w in re.findall(
        r"\b[A-Z][\w&]*(?: [A-Z][\w&]*)?", clause))
    film_clause = FILM_WORDS.search(clause)
    if tv_clause and not film_clause:
        return "TVSeries"
    if film_clause and not tv_clause:
        return "Movie"
    tv, film = len(TV_WORDS.findall(article)), len(FILM_WORDS.findall(article))
    return "TVSeries" if tv > film else "Movie"
