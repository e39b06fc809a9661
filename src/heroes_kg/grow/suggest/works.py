"""Works: titles named in the text, quoted or not, and what a sentence says about a work
as a whole (sequel, development, genre, synopsis, year, company).

:func:`find_titles` runs over the whole article before the other rules, so that every
rule can ask which work a clause is about (:meth:`Doc.work_before`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from ._doc import WORK_TYPES, Doc, kinds_named
from ._names import (
    FILM_WORDS,
    FIRST_NAMES,
    KNOWN_NAMES,
    NATIONALITIES,
    NETWORKS,
    PLACES,
    STREAMERS,
    STUDIOS,
    TV_WORDS,
    guess_type,
    is_nationality,
    is_opening_word,
    is_place_or_award,
    work_kind,
)
from ._terms import is_a
from ._text import (
    LOWER_IN_TITLES,
    MONTHS,
    NAME,
    NUMBER_WORDS,
    POSSESSOR,
    STOP,
    TITLE,
    TITLE_WORDS,
    WEEKDAYS,
    Sentence,
    is_title_case,
    slug,
    strip_possessive,
    title_cased,
    verbs,
    word_at,
)
from .awards import AWARD_LABEL, award_line
from .events import CREDIT_AFTER, lineup_titles

__all__ = ["DOC_RULES", "RULES", "find_titles"]

_TITLE_HEAD = r"(?:[A-Z][\w’'&-]*[\w&]|[A-Z])"
_GENRES = ("superhero", "horror", "comedy", "action", "animated", "fantasy", "science fiction",
           "sci-fi", "family", "musical", "thriller", "drama", "documentary", "romantic",
           "action comedy", "romantic comedy", "crime drama", "psychological thriller",
           "heist", "western", "war", "spy", "mystery", "adventure", "biopic", "teen")
_MOVIE_CUES = (r"film|movie|sequel|prequel|reboot|remake|spinoff|spin-off|"
               r"(?<!\bwill )(?<!\balso )(?<!\bto )feature|comedy|"
               r"thriller|drama|documentary|adaptation|blockbuster|flick|musical|horror film|"
               r"picture|biopic|original|follow-up|installment|instalment|entry|chapter")
_SERIES_CUES = r"series|show|docuseries|miniseries|sitcom|anthology|limited series|drama series"
_CUE = re.compile(
    rf"(?:(?<=\band)|(?<=-starrer)|(?<=-led)|(?<![\w-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Nn]ew|[Uu]pcoming|"
    rf"{POSSESSOR}|(?<=:)|^[A-Z][a-z]+(?:-[a-z]+)+|"
    rf"(?<=\b(?:in|to) )(?:19|20)\d\d|"
    rf"(?<=\w )(?:created|co-created|directed|wrote|co-wrote|produced|renewed|cancell?ed|"
    rf"axed|ordered|greenlit|picked up)))\s"
    rf"(?:(?:[a-z-]+(?:[’']s)?|[A-Z][\w+&-]*|(?:19|20)\d\d)\s){{0,4}}?"
    rf"(?P<cue>{_SERIES_CUES}|{_MOVIE_CUES}|franchise)\s[“\"‘]?(?P<t>{TITLE_WORDS})")
#: "The movie musical finale, dubbed Transparent: Musicale Finale, will be released": the
#: title a kind of work is given.
_NAMED_TITLE = re.compile(
    rf"\b(?P<cue>film|movie|series|show|finale|special|sequel|prequel|spinoff|spin-off|"
    rf"documentary|docuseries|miniseries|feature|project),? (?:(?:which is|which was|to be|"
    rf"now|officially|simply) )?(?:dubbed|titled|entitled|called|named) [“\"‘]?(?P<t>{TITLE_WORDS})|"
    # "… has been in pre-production for four years and is titled Doctor Strange in the
    # Multiverse of Madness", "Titled Lear Rex, they all join …": a work's title given
    rf"(?:\b(?:is|was|will be) (?:now |officially |simply )?(?:titled|entitled)|^Titled) "
    rf"[“\"‘]?(?P<t2>{TITLE_WORDS})")
#: "Hulu's new thriller series, The Veil — was seen", "The non-English-language series,
#: Money Heist, raises": the title after a comma, closing its clause.
_CUE_COMMA = re.compile(
    rf"(?<![\w-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Aa]nother|{POSSESSOR})\s"
    rf"(?:(?:[a-z][\w-]*|[A-Z][\w+&]*)\s){{0,4}}?"
    rf"(?P<cue>{_SERIES_CUES}|film|movie|documentary|comedy|thriller|drama|release),\s[“\"‘]?"
    rf"(?P<t>{TITLE_WORDS})[”\"’]?(?=\s?[—–]|[.;,)]|,? (?:which|who|is|was|will|has)\b)")
#: A preposition opening the sentence before "the series,": "Into the series, Assane …".
_FRONTED_PLACE_IN_WORK = re.compile(r"(?:(?:Later|Earlier|Elsewhere|Also|But|And|Then) )?"
                                    r"(?:[Ii]n|[Ii]nto|[Tt]hroughout|[Ww]ithin|[Aa]cross|[Oo]ver|"
                                    r"[Dd]uring|[Ff]or) ")
#: "his Winston Churchill film starring Gary Oldman, Darkest Hour, is scheduled to arrive
#: this fall": the title closing a described kind word, before the verb.
_CUE_DESCRIBED = re.compile(
    rf"(?<![\w-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|{POSSESSOR})\s"
    rf"(?:(?:[a-z-]+|[A-Z][\w+&]*)\s){{0,4}}?(?P<cue>film|movie|series|show|documentary|"
    rf"drama|comedy|thriller) (?:starring|with|about|from|by) [^,;.]{{3,50}}, [“\"‘]?"
    rf"(?P<t>{TITLE_WORDS})[”\"’]?,? (?=(?:is|was|will|has|had|arrives|hits|opens)\b)")
_STARRING_IN = re.compile(rf"\b(?:stars?|starred|starring|appears?|appeared|appear|role|"
                          rf"return|returns|returning|reprise \w+ role) in "
                          rf"(?:(?P<own>[A-Z][\w&+.-]*(?: [A-Z][\w&+.-]*)*)[’']s )?"
                          rf"(?P<t>{TITLE_WORDS})")
#: "a sequel to Creed", "the reboot of The Lost Boys", "a follow-up to Bright".
_DERIVED_OF = re.compile(rf"\b(?P<kind>sequel|follow-up|follow up|reboot|remake|prequel|"
                         rf"spinoff|spin-off|adaptation) (?:to|of) (?:the (?:[^\sA-Z]\S* ){{1,5}}?)?"
                         rf"[‘'\"“]?(?P<t>{TITLE_WORDS})")
#: "a Dirty Dozen reboot", "a Bright sequel".
_TITLE_DERIVED = re.compile(rf"\b(?:a|an|the|its|their|his|her|{NAME}[’']s|the (?:studio|network|"
                            rf"streamer|company|service|filmmaker|director)[’']s) "
                            rf"(?P<t>{TITLE_WORDS}) (?P<kind>sequel|reboot|remake|prequel|"
                            rf"spinoff|spin-off)\b")
#: "Knives Out sequel Glass Onion garnered 82.14 million viewing hours": two titles, the
#: kind word between them saying the second comes from the first (a newsroom's way of
#: writing "Glass Onion, the sequel to Knives Out"); the first as ``t``, the second as
#: ``t`` of the next pattern.
_BETWEEN = r"(?P<kind>sequel|prequel|spinoff|spin-off|reboot|remake)"
_KIND_BETWEEN_BASE = re.compile(rf"(?:^|(?<=, )|(?<=; ))(?P<t>{TITLE_WORDS}) {_BETWEEN} "
                                rf"(?=[“\"‘]?{TITLE_WORDS})")
_KIND_BETWEEN_NEW = re.compile(rf"(?:^|(?<=, )|(?<=; )){TITLE_WORDS} {_BETWEEN} [“\"‘]?"
                               rf"(?P<t>{TITLE_WORDS})")
#: "his movies The Incredible Hulk and Now You See Me".
#: "this weekend's new theatrical releases including Fantastic Four, The Gift, Ricki and
#: the Flash, and more".
#: "the BBC dramas Call the Midwife and Happy Valley", "Upcoming HBO documentaries include
#: …", "new seasons for Paatal Lok, Panchayat, Mirzapur … and Bandish Bandits": a plural
#: kind of work (a genre's too) or new seasons before a run of titles.
_TITLE_LIST = re.compile(rf"\b(?:movies|films|series|shows|credits|titles|originals|programs|"
                         rf"programmes|releases|dramas|comedies|documentaries|"
                         rf"thrillers|sitcoms|(?:new )?seasons (?:for|of)|"
                         rf"debuts|premieres)(?:(?<!debuts)(?<!premieres) "
                         rf"(?:such as |like |including |include |includes )?|"
                         rf"(?<!debuts)(?<!premieres)(?: [a-z][^,.;:]{{0,50}}?)?,? "
                         rf"(?:such as|like|including) |"
                         # "Netflix's biggest movie debuts of 2022 -- The Adam Project, The
                         # Gray Man and Hustle": the list a dash or a colon sets after them
                         rf"(?: [a-z][^,.;:]{{0,30}}?)? ?(?:--|—|–|:) )"
                         rf"(?P<t>{TITLE_WORDS})(?P<more>(?:, {TITLE_WORDS})*,? "
                         rf"and (?:more\b|{TITLE_WORDS}))")
_YEAR_PAREN = re.compile(rf"(?P<t>{TITLE_WORDS}) \((?P<y>(?:19|20)\d\d)\)")
_YEAR_POSSESSIVE = re.compile(rf"\b(?P<y>(?:19|20)\d\d)[’']s (?P<t>{TITLE_WORDS})")
#: "Warner Bros. Pictures' Superman", "Netflix's The Long Road": a company's title.
_OWNED = re.compile(rf"(?P<own>[A-Z][\w&+.-]*(?: [A-Z][\w&+.-]*)*)[’']s? "
                    rf"(?P<t>{TITLE_WORDS})")
#: Inside a run of capitalised words, "and" before someone's possessive and more words: a
#: list of two owned titles, not one title.
_AND_OWNER = re.compile(r" (?:and|&) (?:[A-Z][\w-]* ){0,3}[A-Z][\w-]*[’']s [A-Z0-9]")
#: "Based on the 2012 novel of the same name, Defending Jacob will premiere …".
_AFTER_SOURCE = re.compile(rf"^(?:[Bb]ased on|[Aa]dapted from|[Ii]nspired by) [^,]{{3,80}}, "
                           rf"(?P<t>{TITLE_WORDS})")
#: "Other upcoming Hulu Originals include Kate McKinnon in The Dropout, based on the ABC
#: News investigative podcast of the same name": a title with its source in apposition.
_TITLE_BASED = re.compile(rf"(?<![\w’'])(?P<t>{TITLE_WORDS}),[”\"’]? (?:which is |that is )?"
                          rf"(?:based on|adapted from) (?:the |a |an |{NAME}[’']s? )")
#: "Slay the Dragon, directed and produced alongside …": a title with its maker in
#: apposition.
_DIRECTED_APPOS = re.compile(
    rf"(?<![\w’'])(?P<t>{TITLE_WORDS}), "
    rf"{verbs('direct', 'write', 'produce', 'create', 'co-direct', forms=('pp',))}"
    rf"(?: and {verbs('direct', 'write', 'produce', 'co-write', forms=('pp',))})?"
    rf"(?: alongside| by)\b")
#: "The Acolyte and other shows also had high numbers": a title listed before others of
#: its kind.
_AND_OTHER = re.compile(rf"(?<![\w’'])(?P<t>{TITLE_WORDS}),? and (?:several |many |a few |some )?"
                        rf"other (?:[\w-]+ )?(?P<cue>shows|series|films|movies|documentaries|"
                        rf"titles|originals|sequels)\b")
#: "Affleck is set to appear in this year’s The Old Man and the Gun": a title after the
#: season of its release.
_SEASONS_TITLE = re.compile(rf"\b(?:[Tt]his|[Ll]ast|[Nn]ext) (?:year|fall|summer|spring|winter|"
                            rf"autumn)[’']s (?P<t>{TITLE_WORDS})")
#: "Stranger Things 4 Volume 2 is officially the most-watched English-language TV season".
#: "According to today’s Flixpatrol stats, Damsel is also still the number one Netflix
#: movie in 90 countries": after an opening clause too, with adverbs before the noun.
#: "Widows is the story of four women with nothing in common".
_IS_THE = re.compile(rf"(?:^|(?<=, ))(?P<t>{TITLE_WORDS}(?: \d+(?: (?:Volume|Part|Vol\.) \d+)?)?) "
                     rf"(?:is|was|has become|became) (?:(?:officially|now|already|also|still|"
                     rf"currently|easily|arguably|reportedly) ){{0,3}}(?:the|a|an|[A-Z]\w+[’']s) "
                     rf"(?:(?!(?:of|in|for|with|about|from|by|to|on|at)\b)[\w-]+ ){{0,4}}"
                     rf"(?:film|movie|series|show|season|sequel|title|documentary|comedy|drama|"
                     rf"thriller|story of|tale of)\b(?! (?:fan|critic|buff|star|maker|producer|director|"
                     rf"executive|studio|festival|industry|business|world)s?\b)")
#: "The only close rival is Lift, released in early January", "Leave the World Behind, a
#: December 2023 release": a title with its release in apposition.
_RELEASED_APPOS = re.compile(
    rf"(?<![\w’'])(?P<t>{TITLE_WORDS}), (?:(?:which was |that was |first )?released (?:in|on|"
    rf"back in) |an? (?:[\w-]+ )?(?:(?:Jan|Febr)uary |March |April |May |June |July |"
    rf"August |(?:Sept|Nov|Dec)ember |October )?(?:19|20)\d\d (?:[\w-]+ )?release\b)")
#: "Dragon Pilot will launch on 21 September 2018", "Orphans of Ebola, which premieres on
#: October 17", "Homegrown: The Counter-Terror Dilemma, premieres on October 3": a title
#: opening its sentence (or right after a fronted "From director …," clause: "From …
#: Gillian Flynn (Gone Girl), Widows debuts November 16"), then the day it comes out
#: ("hits theaters on", "will be out here on").
_TITLE_DATED = re.compile(
    rf"^(?:From [^,.;:()]{{3,160}}(?:\([^()]{{1,60}}\)[^,.;:()]{{0,80}})?, )?(?P<t>{TITLE_WORDS}),? (?:which )?(?:will |is set to |is slated to |is scheduled to |"
    rf"to be |will be |is )?(?:premieres?|debuts?|launch(?:es)?|released|release|come out|"
    rf"comes out|arrives?|opens?|bows?|airs?|hits? (?:theaters|theatres|cinemas)|out(?: here)?) (?:on |in )?(?=(?:\d{{1,2}} )?(?:Jan|Feb|Mar|"
    rf"Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|"
    rf"Sun)day\b)")
#: "Wednesday season 2", "the cast of Wednesday", "Extraction, which managed 90 million
#: plays".
_SEASON_TITLE = re.compile(rf"(?P<t>{TITLE_WORDS}) (?i:season) (?:\d|one|two|three|four|five)")
_CAST_OF = re.compile(rf"\b(?:the cast of|the set of|production on|the premiere of|the finale "
                      rf"of|(?:the|a|an) (?:[a-z-]+ ){{0,2}}?trailer for|a reboot of|an adaptation of|season \d+ of|"
                      rf"(?:the |an? )(?:[\w$.-]+ ){{0,3}}?(?:debut|opening) of) "
                      rf"(?P<t>{TITLE_WORDS})")
#: A person's first work, not a work's first showing: "the directorial debut of X".
_PERSON_DEBUT = re.compile(r"\b(?:directorial|directing|acting|writing|screenwriting|"
                           r"filmmaking|feature|solo|film|screen|big-screen) debut of ")
_ORDER = re.compile(rf"(?P<t>{TITLE_WORDS})(?:, [^,]{{3,60}},)? (?:has |have |had )?(?:received|got|"
                    rf"landed|earned|scored) an? (?:[\w]+[ -])?(?:season|series) (?:order|renewal)|"
                    rf"\b(?:gave|gives|given|handed) (?P<t2>{TITLE_WORDS}) an? (?:[\w]+[ -])?"
                    rf"(?:season|series) order")
_RENEWED = re.compile(rf"(?P<t>{TITLE_WORDS}) (?:was|has been|had been|is being|got|gets) "
                      rf"(?:officially )?(?:renewed|cancell?ed|picked up)\b|\b(?:renewed|cancell?ed) "
                      rf"(?P<t2>{TITLE_WORDS}) for|"
                      # "The network has canceled Duncanville, co-created by …"
                      rf"\b(?:has|have|had) (?:officially )?(?:renewed|cancell?ed) "
                      rf"(?P<t3>{TITLE_WORDS})(?=,| after| following)")
#: "Jennifer Lopez stars as Atlas Shepherd in Atlas", "plays Eleven in Stranger Things": the
#: title after the role.
_ROLE_IN = re.compile(rf"\b(?:stars?|starring|starred|plays?|playing|played|portrays?|"
                      rf"portraying|voices?|voicing|returns?|reprises?) (?:as )?{NAME} (?:in|on) "
                      rf"(?P<t>{TITLE_WORDS})")
#: "Pose will return for a third and final season": a series with seasons.
_RETURNS = re.compile(rf"(?P<t>{TITLE_WORDS}) (?:will return|returns|is returning|will be back|"
                      rf"is coming back|comes back|is back|(?:is|will) (?:now |officially )?not "
                      rf"(?:be )?(?:returning|coming back|back)(?: to [A-Z][\w+&.-]*(?: [A-Z][\w+&.-]*)*)?) "
                      rf"for (?:a|its|their) "
                      rf"(?:[\w-]+ )?(?:and (?:final|last) )?season")
#: "Stranger Things star Finn Wolfhard", "Jane the Virgin actress Gina Rodriguez": a work
#: named by the credit of the person after it.
_CREDIT_OF = re.compile(rf"(?<![\w’'])(?P<t>{TITLE_WORDS})(?:[’'](?:s)?)? (?:star|actress|actor|alum|"
                        rf"alumna|breakout|co-star|veteran|creator|co-creator|showrunner|director|helmer|"
                        rf"co-writer|writer) (?={NAME})")
#: "Enola Holmes 2", "The Gray Man 2": a numbered title.
_NUMBERED = re.compile(rf"(?<![\w’'#@])(?P<t>{_TITLE_HEAD}(?:\s{_TITLE_HEAD}){{0,4}} (?:[2-9]|II|III|"
                       rf"IV))(?![\w’']|[.,]\d|\s?(?:%|percent|million|billion|thousand|episodes?|"
                       rf"seasons?|hours?|days?|weeks?|years?|months?|minutes?)\b)")
_NOT_NUMBERED = {"Season", "Part", "Episode", "Chapter", "Volume", "Vol", "Top", "Phase",
                 "Day", "Week", "Act", "Book", "Issue", "No", "Number", "Level", "Round",
                 "Game", "Stage", "Series", "Title", "Section", "Article", "Page", "Figure",
                 "Covid", "COVID", "Category", "Class", "Grade", "Channel", "War",
                 # broadcasters named by number: "Spain’s Antena 3", "from Kanal 5"
                 "Kanal", "Canal", "Antena", "Antenne", "Rai", "Rede", "Cadena", "Telecanal"}
_WHICH = re.compile(rf"(?P<t>{TITLE_WORDS}), which (?:[A-Z][\w+]* (?:will |is set to )?|will have "
                    rf"its (?:\w+ )?(?:season|series|episode|finale) |will )?"
                    rf"(?:managed|racked up|drew|earned|reached|scored|premiered|premieres|"
                    rf"reeled in|pulled in|brought in|garnered|amassed|notched|logged|tallied|"
                    rf"debuted|debuts|was released|release|releases|released|opens|hit|hits|"
                    rf"topped|stars|starred|arrives|bow|bows)\b")
#: "Bright, the 2017 fantasy/sci-fi/detective/action thriller".
_APPOSITION = re.compile(rf"(?P<t>{TITLE_WORDS}), the (?:original |incredible |acclaimed |hit |"
                         rf"new |upcoming )?(?:(?:19|20)\d\d )?(?:[\w/-]+ ){{0,3}}?(?:film|movie|"
                         rf"thriller|comedy|drama|series|show|documentary|feature|sequel|prequel|"
                         rf"follow-up|spinoff|spin-off|reboot|remake|adaptation|miniseries|docuseries|"
                         rf"sitcom|musical|biopic|installment|instalment|outing|mystery|"
                         rf"whodunn?it)\b(?![’']|s[’'])")
#: "Truth Be Told, starring Octavia Spencer and Aaron Paul, will launch in December",
#: "See, an epic drama starring Jason Momoa": a title before who stars in it.
#: A source named before its title: "Jane Austen’s early novella ", "an adaptation of ".
_SOURCE_BEFORE = re.compile(r"\b(?:novels?|novellas?|books?|plays?|memoirs?|comics?|stories|story|"
                            r"adaptation of|based on|adapted from)\s[“\"‘]?$")
_TITLE_STARRING = re.compile(rf"(?<![\w’'])(?P<t>{TITLE_WORDS}), (?P<app>an? (?:[\w-]+ ){{0,3}}?)?"
                             rf"(?:starring|featuring) (?={NAME})")
#: "The Girl From Plainville stars The Great’s Elle Fanning as Michelle Carter": a title
#: opening with an article, then "stars" and a person.
_THE_TITLE_STARS = re.compile(rf"(?:^|(?<=, )|(?<=\. ))(?P<t>(?:The|A|An) {TITLE_WORDS}) "
                              rf"(?:stars|co-stars|will star) (?:{POSSESSOR} )?(?={NAME})")
#: "Citadel Honey Bunny stars Varun Dhawan (in his streaming debut) and Samantha Ruth
#: Prabhu as spies in love": a name that opens its sentence and "stars" a person is the
#: work, not someone (a person stars *in* something).
_NAME_STARS = re.compile(rf"^(?P<t>{TITLE_WORDS}) (?:stars|co-stars) (?={NAME})")
#: "Written by Liz Hannah, The Girl From Plainville is inspired by …": the title after a
#: credit that opens the sentence.
_FRONTED_CREDIT = re.compile(rf"^(?:Written|Directed|Created|Co-written|Produced|Co-created) "
                             rf"by {NAME}(?:(?:,| and|, and) {NAME})*, (?P<t>{TITLE_WORDS}) "
                             rf"(?:is|was|will|has|stars|follows|tells)\b")
#: "Don’t Look Up is directed by Adam McKay": a title that is directed, written or made.
_TITLE_IS_BY = re.compile(rf"(?:^|(?<=, ))(?P<t>{TITLE_WORDS})"
                          # "Ziddi Girls, led by Simran, Revathy and Nandita Das, has been
                          # created by …": past its cast, set beside it
                          rf"(?:, (?:led|headlined|toplined|fronted) by [^;.()]{{3,80}}?,)?"
                          rf" (?:is|was|will be|has been) "
                          # "Bodyguard is created and written by Jed Mercurio": credits joined
                          rf"(?:(?:co-)?{verbs('direct', 'write', 'produce', 'create', forms=('pp',))}"
                          rf"(?:,| and|, and) )*"
                          rf"(?:co-)?{verbs('direct', 'write', 'produce', 'create', 'helm', forms=('pp',))} "
                          rf"by (?={NAME})")
#: "Bruised, Halle Berry’s directorial debut, is set to launch": a title set beside
#: someone's debut.
_DEBUT_APPOS = re.compile(rf"(?:^|(?<=, )|(?<=while )|(?<=and ))(?P<t>{TITLE_WORDS}), "
                          rf"{POSSESSOR} (?:directorial|feature|screenwriting|film) debut\b")
#: "The festival opener is First Man, a biopic of astronaut Neil Armstrong": a title set
#: beside what kind of work it is (not "Jane Doe, a comedy writer").
_KIND_APPOS = re.compile(rf"(?:^|(?<=, )|(?<=: )|(?<= is )|(?<= was )|(?<= will be )|(?<=\. )|(?<= and )|"
                         rf"(?<=\bthe return of ))(?P<t>{TITLE_WORDS}), (?:an?|its|their) "
                         rf"(?:[\w-]+ ){{0,3}}?(?:biopic|drama|comedy|thriller|documentary|"
                         rf"docuseries|miniseries|western|musical|sequel|prequel|remake|"
                         rf"adaptation|(?:origin|love|coming-of-age|ghost) story|"
                         rf"(?:show|series|film|movie|pilot)(?= (?:about|following|centered|centred|"
                         rf"set in|that follows|which follows)\b)|"
                         # "the return of Wednesday, its record-breaking gothic horror
                         # series": the company's own series
                         rf"(?<=, its )(?:[\w-]+ ){{0,3}}?(?:show|series|film|movie))"
                         rf"\b(?! (?:writer|director|star|actor|actress|producer|"
                         rf"veteran|executive|legend|icon|creator))")
#: "The series, which was none other than Tokyo Vice, appears to …": what the work in
#: scope is called.
_KIND_IS = re.compile(rf"\b(?:[Tt]he|[Tt]his) (?:series|show|film|movie)(?:, which| in question)? "
                      rf"(?:was|is) (?P<named>none other than |called |titled |named )?"
                      rf"(?P<t>{TITLE_WORDS})")
#: What follows an event's name: "the PGA’s Produced By conference".
_EVENT_AFTER = re.compile(r" (?:conference|convention|festival|summit|panel|ceremony|awards?|"
                          r"gala|event|expo|market|luncheon|retreat)\b")
_TRAILING = re.compile(r"\s(?:on|in|at|for|with|from|by|to|and|vs\.?|of|the|a|an|&)$")


#: Openings of a clause that are no part of a title, before the apposition "…, the film":
#: "Apart from Rajkummar and Bhumi, the film will also feature …".
_NOT_A_TITLE_LEAD = re.compile(r"(?:Apart from|Aside from|According to|Along with|"
                               r"Together with|In addition to|Besides|Despite|Unlike|"
                               r"Except for|Starring|Featuring|Co-starring) ")
#: The same openings, and a fronted credit, before the names a title pattern matched:
#: "In addition to Johnson and Statham, the upcoming movie is set to star …", "Directed
#: by Patricia Riggen, the movie will stream …": the names are people, "the movie" the
#: clause's subject.
#: Who is named right after a credit is a person, wherever the credit stands: "Created by
#: Jack Thorne and Stephen Graham and directed by Philip Barantini, the British series".
_NOT_A_TITLE_BEFORE = re.compile(r"(?:(?:^|[,;:] |\. )(?:[Aa]part from|[Aa]side from|"
                                 r"[Aa]ccording to|[Aa]long with|[Tt]ogether with|"
                                 r"[Ii]n addition to|[Bb]esides|[Uu]nlike|[Ee]xcept for|"
                                 r"[Ss]tarring|[Ff]eaturing)|\b(?:[Dd]irected|[Ww]ritten|"
                                 r"[Pp]roduced|[Cc]reated|[Hh]elmed|"
                                 r"[Ll]ed|[Hh]osted|[Nn]arrated|[Cc]o-written|[Cc]o-directed|"
                                 r"[Ee]xecutive produced) by) $")
_FRONTED_CREDIT_LEAD = re.compile(r"(?:Directed|Written|Produced|Created|Helmed|Led|Hosted|"
                                  r"Narrated|Co-written|Co-directed) by ")


_YEAR_POSSESSIVE_PREFIX = re.compile(r"^(?:19|20)\d\d[’']s ")
_YEAR_ALONE = re.compile(r"(?:19|20)\d\d(?:[’']s?)?")
_TRAILING_APOSTROPHE = re.compile(r"[^s][’']$")
_PLURAL_POSSESSIVE = re.compile(r"s[’']$")
_COUNTER_TITLE = re.compile(r"(?:Top|No\.?|Number|Week|Day|Phase|Stage) \d+|(?i:season|part|episode|"
                            r"chapter|volume) (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)")
_HYPHENATED_WORD = re.compile(r"[A-Z][\w’']*-[a-z][\w-]*")
_GLUED_VERB = re.compile(r"[a-z0-9](?:debuted|started|opened|earned|began|grossed|topped|landed|"
                         r"premiered|dropped)$")
_NUMBER_GLUED_VERB = re.compile(r"\d+(?:debuted|started|opened|earned|began|grossed|topped)")
_CHART_HEADING = re.compile(r"\b(?:Series|Films?|Movies?|Shows?|TV|Titles?|English|Non-English|Global) "
                            r"(?:Top|Chart) (?:\d+|Ten)$|\bTop (?:\d+|Ten) (?:Chart|List)$")
_LEADING_PREPOSITION = re.compile(r"^(?:on|in|at|by|since|until|last|next|this) ")
_NUMBERS_ONLY = re.compile(r"[\d\s,.]+")
#: A capitalized past participle: "Distributed", "Produced", "Led" (before "by", no title).
_PARTICIPLE = re.compile(r"[A-Z][a-z]*(?:ed|tten|wn|ght)")
_WORD_POSSESSIVE_END = re.compile(r"\w[’']s?$")
_POSSESSIVE_END = re.compile(r"[’']s?$")


#: A person's possessive before a title: "Ivan Sen’s " (a given name and a surname).
_MAKER_POSSESSIVE_PREFIX = re.compile(r"(?P<f>[A-Z][a-z]+) (?:[A-Z][\w-]+ ){0,2}?[A-Z][\w-]+[’']s ")


def _written_alone(text: str, title: str) -> bool:
    """Whether the text writes ``title`` somewhere with no possessive before it (and,
    for one word, not at a sentence's start only), its small words in either case ("The
    Pursuit Of Love" and "The Pursuit of Love")."""
    if " " not in title.strip():
        return False
    words = [re.escape(w) if w[:1].isupper() and w.lower() not in LOWER_IN_TITLES else
             f"(?i:{re.escape(w)})" for w in title.strip().split()]
    return re.search(rf"(?<![’']s )(?<![’'] )(?<![\w’'-]){' '.join(words)}(?![\w’'-])",
                     text) is not None


def _clean_title(doc: Doc, title: str, weekdays: bool = False) -> str | None:
    """The title without what follows it by accident ("Heroes on Netflix" -> "Heroes"),
    None when it is not a title at all."""
    title = title.strip().rstrip(":,")
    title = _YEAR_POSSESSIVE_PREFIX.sub("", title)  # "1986’s Top Gun": the year is no part
    maker = _MAKER_POSSESSIVE_PREFIX.match(title)
    if maker and ((not re.search(r"[a-z]", title[maker.end():]) and
                   re.search(r"[A-Z]{2}", title[maker.end():])) or (
            maker.group("f").lower() in FIRST_NAMES and
            doc.type_of(doc.lookup(title[maker.end():])) in WORK_TYPES) or (
            doc.is_person(title[:maker.end() - 3]) and
            _written_alone(doc.text, title[maker.end():]))):
        # "the world premiere of Ivan Sen’s GOLDSTONE": the maker's possessive is no part
        # of a title in capitals or of one the text names alone ("Mona Fastvold’s The World
        # to Come, starring Vanessa Kirby" and the line-up's "The World to Come, Mona
        # Fastvold")
        title = title[maker.end():]
    if _YEAR_ALONE.fullmatch(title):
        return None  # "played Donna Sheridan in 2008's “Mamma Mia!”": the year, the title after
    if _TRAILING_APOSTROPHE.search(title):
        title = title[:-1]  # "series ‘Lupin’,": the closing quotation mark
    words = title.split()
    if len(words) >= 2 and words[1] == "by" and _PARTICIPLE.fullmatch(words[0]):
        return None  # "Distributed by Megabox, the film is …": a participle and its agent
    for i in range(1, len(words)):
        if words[i].lower() in ("on", "in", "at", "for", "with", "from", "by", "to", "and",
                                "vs", "vs."):
            rest = " ".join(words[i + 1:])
            found = doc.lookup(rest)
            rest_word = words[i + 1].lower().rstrip(",.") if i + 1 < len(words) else ""
            agent = found is not None and doc.type_of(found) not in (
                "Movie", "TVSeries", "MovieSeries", "TVSeason", "FictionalCharacter",
                "FictionalOrganization", "FictionalPlace")
            if words[i] == "with" and (rest_word in FIRST_NAMES or any(
                    len(words) - i - 1 >= k and doc.is_person(
                        " ".join(words[i + 1:i + 1 + k]).rstrip(".,"))
                    for k in (len(words) - i - 1, 2, 3))):
                # "The Laundromat with Meryl Streep and Joker", "the comedy series Kill the
                # Orange-Faced Bear with Damon Wayans Jr.", "The Power of the Dog with
                # Benedict Cumberbatch and Paolo Sorrentino drama …": the title, then who is
                # in it
                title = " ".join(words[:i])
                break
            # "Mapplethorpe: Look at the Pictures": a subtitle keeps its small words
            subtitled = any(w.endswith(":") for w in words[:i]) and rest_word == "the"
            if agent or rest_word in MONTHS or rest_word in WEEKDAYS or \
                    (rest and words[i] != "and" and guess_type(rest) != "Person"
                     and not subtitled) or is_place_or_award(rest) or \
                    (subtitled and (is_place_or_award(rest[4:]) or
                                    _EVENT_AFTER.search(rest.lower()))) or \
                    re.match(r"\d", rest_word):
                title = " ".join(words[:i])
                break
    while _TRAILING.search(title):
        title = _TRAILING.sub("", title)
    words = title.split()
    if (_WORD_POSSESSIVE_END.search(title) and not _POSSESSIVE_END.search(words[0])) or \
            any(_PLURAL_POSSESSIVE.search(w) for w in words[:-1]):
        # "an adaptation of Neil Gaiman’s acclaimed novel", "John Williams’ 1965 novel":
        # whose, not a title
        return None
    if len(words) == 1 and is_opening_word(words[0]):
        return None  # "Globally, the action sequel crossed …"
    if not words or (len(words) == 1 and ((words[0] in STOP and not (
            weekdays and words[0].lower() in WEEKDAYS)) or len(words[0]) < 2)):
        return None
    if words[0] in ("The", "A", "An") and len(words) == 1:
        return None
    if _COUNTER_TITLE.fullmatch(title):
        return None  # "Netflix’s Top 10": a chart, not a title; "Season 4" a season;
        # "Marvel's Phase 3" a slate
    if len(words) == 1 and _HYPHENATED_WORD.fullmatch(title):
        return None  # "Netflix’s Regency-era drama", "Oscar-winning": an adjective
    if (_GLUED_VERB.search(words[-1]) and words[-1][0].isupper()) or \
            _NUMBER_GLUED_VERB.fullmatch(words[-1]):
        return None  # "A Madea Family Funeraldebuted": a title run into the verb after it
    if _CHART_HEADING.search(title):
        return None  # "Netflix's Global Non-English Series Top 10": a chart's name
    low = title.lower()
    bare = _LEADING_PREPOSITION.sub("", low)
    if bare in MONTHS or (bare in WEEKDAYS and not (weekdays and bare == low)) or \
            _NUMBERS_ONLY.fullmatch(title):
        return None
    found = doc.lookup(title)
    if found is not None and doc.type_of(found) not in ("Movie", "TVSeries", "MovieSeries",
                                                        "TVSeason", None):
        return None
    return title


#: A kind noun right before a title: "the Netflix series Wednesday".
_KIND_RIGHT_BEFORE = re.compile(r"\b(?:series|show|sitcom|drama|comedy|thriller|film|movie|"
                                r"documentary|docuseries|miniseries) [“\"‘]?$")
#: What follows a weekday that is the day: "Thursday night", "Thursday at 9", "Thursday.".
_DAY_TIME_AFTER = re.compile(r"(?: (?:night|morning|afternoon|evening|at|on|in|with|and)\b|"
                             r"[’']s\b|\.|$)")


def _weekday_title(doc: Doc, text: str, start: int, end: int) -> bool:
    """Whether the weekday at [start, end) of a sentence's ``text``, right after a kind
    noun, is a title: "the Netflix series Wednesday" under the headline "… Wednesday set
    for Season 2". Not the day ("the show Thursday revealed", "on Wednesday", "series
    Thursday."), nor where the headline does not name it, nor once it is known (a
    headline title the article repeats is found by ``_headline_titles``)."""
    name = text[start:end]
    return _KIND_RIGHT_BEFORE.search(text, 0, start) is not None and \
        doc.lookup(name) is None and not _the_day(text, start, name) and \
        _DAY_TIME_AFTER.match(text, end) is None and bool(word_at(doc.article.title, name))
_CUE_WORDS = re.compile(rf"\b(?:{_SERIES_CUES}|{_MOVIE_CUES}|franchise)\b")
#: Title patterns, their rule names, and words a sentence must have for them to match.
_TITLE_PATTERNS = [
    (_CUE, "cue-title", _CUE_WORDS),
    (_CUE_COMMA, "cue-title", re.compile(r"\b(?:series|show|film|movie|documentary|comedy|"
                                         r"thriller|drama|docuseries|miniseries|sitcom|release), "
                                         r"[A-Z“\"‘]")),
    (_CUE_DESCRIBED, "cue-title", re.compile(r"\b(?:film|movie|series|show|documentary|drama|"
                                             r"comedy|thriller) (?:starring|with|about|from|by) ")),
    (_NAMED_TITLE, "named-title", re.compile(r"\b(?:dubbed|[Tt]itled|entitled|called|named) ")),
    (_AND_OTHER, "and-other", re.compile(r" and (?:[a-z]+ )?other ")),
    (_SEASONS_TITLE, "season-title-of-year", re.compile(r"(?:year|fall|summer|spring|winter|"
                                                       r"autumn)[’']s [A-Z]")),
    (_DIRECTED_APPOS, "directed-apposition", re.compile(r", (?:directed|written|produced|"
                                                       r"created|co-directed) ")),
    (_TITLE_BASED, "title-based", re.compile(r", (?:which is |that is )?(?:based on|"
                                             r"adapted from) ")),
    (_YEAR_POSSESSIVE, "year-title", re.compile(r"\d\d[’']s")),
    (_YEAR_PAREN, "title-year", re.compile(r"\(\d{4}\)")),
    (_STARRING_IN, "starring-in", re.compile(r"\b(?:star|appear|role|return|reprise)")),
    (_DERIVED_OF, "derived-of", re.compile(r"\b(?:sequel|follow|reboot|remake|prequel|spin|"
                                           r"adaptation)")),
    (_TITLE_DERIVED, "title-derived", re.compile(r"\b(?:sequel|reboot|remake|prequel|spin)")),
    (_APPOSITION, "apposition", re.compile(r", the ")),
    (_SEASON_TITLE, "season-title", re.compile(r"(?i)\bseason \w")),
    (_CAST_OF, "cast-of", re.compile(r"\b(?:cast|set|production|premiere|finale|trailer|"
                                     r"reboot|adaptation|season|debut|opening) (?:of|on|for)\b")),
    (_WHICH, "which-clause", re.compile(r", which ")),
    (_TITLE_STARRING, "title-starring", re.compile(r", (?:an? [^,]{0,40})?(?:starring|featuring) ")),
    (_THE_TITLE_STARS, "title-stars", re.compile(r" (?:co-)?stars |will star ")),
    (_KIND_BETWEEN_BASE, "title-kind-title", re.compile(r"[a-z] (?:sequel|prequel|spin-?off|"
                                                          r"reboot|remake) [“\"‘]?[A-Z]")),
    (_KIND_BETWEEN_NEW, "title-kind-title", re.compile(r"[a-z] (?:sequel|prequel|spin-?off|"
                                                         r"reboot|remake) [“\"‘]?[A-Z]")),
    (_NAME_STARS, "name-stars", re.compile(r" (?:co-)?stars [A-Z]")),
    (_KIND_APPOS, "kind-apposition", re.compile(r", (?:an?|its|their) ")),
    (_KIND_IS, "kind-is", re.compile(r"\b(?:series|show|film|movie)(?:, which| in question)? "
                                     r"(?:was|is) ")),
    (_TITLE_IS_BY, "title-is-by", re.compile(r" (?:is|was|be|been) (?:co-)?(?:directed|written|"
                                             r"produced|created|helmed)(?:,? and [a-z-]+)? by ")),
    (_DEBUT_APPOS, "debut-apposition", re.compile(r" debut\b")),
    (_FRONTED_CREDIT, "fronted-credit", re.compile(r"^(?:Written|Directed|Created|Co-written|"
                                                   r"Produced|Co-created) by ")),
    (_RENEWED, "renewed", re.compile(r"\b(?:renewed|cancell?ed|picked up)\b")),
    (_RETURNS, "renewed", re.compile(r"\b(?:return|returns|returning|back)\b[^.]{0,30}? for\b")),
    (_ROLE_IN, "role-in", re.compile(r"\b(?:star|play|portray|voic|return|repris)")),
    (_ORDER, "order", re.compile(r"\b(?:order|renewal)\b")),
    (_OWNED, "owned-title", re.compile(r"[’']")),
    (_IS_THE, "is-the", re.compile(r" (?:is|was|has become|became) ")),
    (_RELEASED_APPOS, "released-apposition", re.compile(r", (?:which |that |first )?(?:was )?"
                                                       r"(?:released|an? )")),
    (_AFTER_SOURCE, "after-source", re.compile(r"^(?:[Bb]ased on|[Aa]dapted from|[Ii]nspired by) ")),
    (_TITLE_DATED, "title-dated", re.compile(r"\b(?:premiere|debut|launch|release|come|arrive|"
                                             r"open|bow|air|hits? th|hits? ci|be out|is out)")),
]


#: Words right before a quoted title that say it is a work, whatever words it holds.
_WORK_BEFORE = re.compile(r"\b(?:seasons? (?:\w+ )?of|series|show|film|movie|documentary|"
                          r"sitcom|drama|comedy|thriller|sequel|starring in|stars? in)\s*$")


_NETWORK_POSSESSIVE = re.compile(r"([A-Z][\w&+]*(?: [A-Z][\w&+]*)*)[’']s\s*$")


def _network_before(before: str) -> bool:
    """"NBC’s “Blindspot”": a network's show."""
    m = _NETWORK_POSSESSIVE.search(before)
    return m is not None and m.group(1).lower() in NETWORKS


#: Several works of a kind before a coordination: "two of its biggest genre series,
#: Marvel's Runaways and The Handmaid's Tale", "two brand-new series based on Ghost Rider
#: and Helstrom".
_PLURAL_CUE = re.compile(r"\b(?:two|three|four|both|several|\d)\b[^.;:!?]{0,60}\b(?:series|shows|"
                         r"films|movies|titles|dramas|comedies|sitcoms|originals)\b[^.;:!?]{0,30}$")


def _alone_elsewhere(doc: Doc, part: str, title: str) -> bool:
    """``part`` of ``title`` is named on its own somewhere, not at a sentence's start."""
    whole = [(a, a + len(title)) for a in word_at(doc.text, title)]
    return any(not any(a <= at < b for a, b in whole) and not re.search(
        r"(?:^|[.!?]\s+)$", doc.text[max(0, at - 3):at]) for at in word_at(doc.text, part))


def coordinated(doc: Doc, title: str, start: int) -> list[tuple[str, int]] | None:
    """The titles a run of words joined by "and" names when it names several: "Marvel's
    Runaways and The Handmaid's Tale" (a capitalized "The" after "and", each named
    alone elsewhere), "Ghost Rider and Helstrom" after "two brand-new series based on",
    two known titles; None for one title ("Pride and Prejudice", "Ricki and the
    Flash")."""
    pieces = title.split(" and ")
    if len(pieces) != 2 or not all(p.strip() for p in pieces):
        return None
    first, second = pieces
    second_at = start + len(first) + 5
    end = start + len(title)
    known = [doc.lookup(p) for p in pieces]
    rest = doc.text[end:doc.text.find(".", end) if "." in doc.text[end:] else len(doc.text)]
    if not all(is_title_case(p) and p.split()[-1] not in STOP for p in pieces):
        return None
    if all(k is not None and doc.type_of(k) in WORK_TYPES for k in known) or \
            _PLURAL_CUE.search(doc.text[max(0, start - 100):start]) or \
            re.search(r"\brespectively\b", rest) or \
            (re.match(r"(?:The|A|An) ", second) and any(
                _alone_elsewhere(doc, p, title) for p in pieces)) or \
            all(_alone_elsewhere(doc, p, title) for p in pieces):
        return [(first, start), (second, second_at)]
    return None


_PLACE_AFTER = re.compile(r", (?P<p>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w’'-]| [A-Z])")


def _register(doc: Doc, title: str, start: int, type_: str, rule: str, quote: str,
              confidence: float) -> str:
    parts = coordinated(doc, title, start) if " and " in title else None
    if parts is not None:
        works = [_register(doc, part, at, type_, rule, quote, confidence)
                 for part, at in parts]
        return works[0]
    placed = _PLACE_AFTER.match(doc.text, start + len(title))
    if placed and is_place_or_award(placed.group("p")) and all(
            doc.text.startswith(placed.group(0), m.end())
            for m in re.finditer(rf"(?<![\w’'-]){re.escape(title)}(?![\w’'-])", doc.text)):
        title += placed.group(0)  # "supernatural drama Midnight, Texas": a place after a
        # comma that the title is never without is part of it
    covering = doc.work_span_at(start, start + len(title))
    if covering is not None:
        return covering[2]
    work = doc.entity(title, type_, rule, quote, confidence)
    doc.add_work_span(start, start + len(title), work)
    return work


#: Lines of a web page between the paragraphs that are no section headings.
_PAGE_WORDS = {"advertisement", "sponsored", "related", "credit", "read more", "watch",
               "trending", "video", "photo", "photos", "share", "subscribe", "recommended"}


#: A post and the person holding it: "Chief Creative Officer Pete Docter", "Executive
#: Vice President Jane Doe".
_JOB_TITLE = re.compile(r"(?:(?:Chief|Executive|Senior|Vice|Deputy|Co-|Global|Head) ?)+"
                        r"(?:[A-Z][a-z]+ )*?(?:Officer|President|Director|Editor|Producer|"
                        r"Chairman|Chairwoman|Chair|Executive)\b")


_LIST_MARKER = re.compile(r"^(?:\d{1,2}[.)]|[-–•*])\s+")
_NUM = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_HEADING_SEASON = re.compile(rf"(?P<t>.+?):? (?i:season) {_NUM}")
_HEADING_SEASON_BRACKET = re.compile(rf"(?P<t>.+?) \((?i:season) {_NUM}\)")
_FIGURE_AFTER_COLON = re.compile(r":\s*[\d$£€]")


def _headings(doc: Doc) -> None:
    """Section headings that name a work ("Defending Jacob" on a line of its own before
    the paragraphs about it), when the article has several."""
    heads = []
    maybe = []  # a title that is also a company's name ("Empire"): a heading by its layout
    by_lines = {p.start for p, _m in _by_lines(doc)}
    for i, p in enumerate(doc.paragraphs):
        if p.start in by_lines:
            continue  # "Highest 2 Lowest by Spike Lee": a title and its maker
        # "6. The Queen’s Gambit", "- Squid Game": an item of a ranked list
        text = _LIST_MARKER.sub("", p.text.strip())
        dated = _DATED_HEADING.fullmatch(text)
        if dated:
            # "The Mysterious Benedict Society (Friday, June 25)": the date it premieres.
            text = dated.group("t")
            doc.heading_dates.append((p.start, text, dated.group("d"), p.text.strip()))
        season = _HEADING_SEASON.fullmatch(text)
        if season and dated:
            text = season.group("t")
        bracket = _HEADING_SEASON_BRACKET.fullmatch(text)
        if bracket:
            text = bracket.group("t")  # "STRANGER THINGS (SEASON 4)" in a ranked list
        elif "(" in text:
            continue  # "Kathryn Newton (Allie)": an actor and the role
        if _FIGURE_AFTER_COLON.search(text):
            continue  # "Total Views: 140,700,000": a figure
        if len(text.split()) <= 8 and is_title_case(text) and not re.search(
                r"[.!?:,\"“”]$", text) and re.match(r"[\w“\"‘]", text):
            found = doc.lookup(text)
            if found is None and guess_type(text) != "Person" and not dated:
                maybe.append((i, p, found, text))
                continue
            if found is not None and doc.type_of(found) not in ("Movie", "TVSeries",
                                                                "MovieSeries"):
                continue
            heads.append((i, p, found, text))
    # "Advertisement" between the paragraphs, again and again: page furniture, not the
    # sections of an article about several works
    again = Counter(text for _i, _p, _f, text in heads)
    heads = [h for h in heads if again[h[3]] == 1 and h[3].lower() not in _PAGE_WORDS]
    def opener(i: int) -> str | None:
        """How the paragraph under a heading opens: "The final season", "The series"."""
        if i + 1 >= len(doc.paragraphs):
            return None
        m = re.match(r"(?:The|This|Its) (?:[a-z]+ )?(?:season|series|show|film|movie)\b",
                     doc.paragraphs[i + 1].text)
        return m.group(0) if m else None
    layouts = Counter(opener(i) for i, _p, _f, _t in heads)
    heads = sorted(heads + [h for h in maybe if opener(h[0]) and layouts[opener(h[0])] >= 3],
                   key=lambda h: h[0])
    if heads and heads[0][0] == 0 and (len(heads) < 3 or heads[1][0] == 1):
        # The first line is the article's own title unless it opens a list of sections
        # like the rest ("The Affair" over its paragraph, then "Power" over its own).
        heads = heads[1:]
    if len(heads) < 2:
        return
    for i, p, found, text in heads:
        following = doc.paragraphs[i + 1].text if i + 1 < len(doc.paragraphs) else ""
        type_ = "TVSeries" if re.search(r"\bseries\b|\bseason\b|\bepisodes?\b", following) \
            else "Movie"
        full = p.text.strip()
        season = re.fullmatch(rf"(?P<t>.+?):? (?i:season) {_NUM}(?: \(.*\))?", full) or \
            re.fullmatch(rf"(?P<t>.+?) \((?i:season) {_NUM}\)", full)
        if season and text == season.group("t"):
            type_ = "TVSeries"
        work = found or _register(doc, text, p.start + p.text.index(text), type_, "heading",
                                  text, 0.6)
        doc.add_work_span(p.start + p.text.index(text), p.start + p.text.index(text)
                          + len(text), work)
        n = _season_number(season.group("n")) if season and text == season.group("t") else None
        if n:
            # "High School Musical: The Musical: The Series: Season 2 (Friday, May 14)"
            if doc.type_of(work) == "Movie" and work in doc.new:
                doc.new[work].type = "TVSeries"
            quote = full.split(" (")[0]
            start = p.start + p.text.index(quote)
            series, work = work, season_of(doc, work, n, quote)
            doc.add(work, "partOfSeries", quote, start, "season-heading", 0.7, obj=series)
            doc.add(work, "seasonNumber", quote, start, "season-heading", 0.7, value=n)
            doc.add_work_span(start, start + len(quote), work)
        doc.headings.append((p.start, work))


_DATED_HEADING = re.compile(
    r"(?P<t>[^()]{3,120}?) \((?P<d>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:,? \d{4})?)\)")


_SUBTITLE_AFTER = re.compile(r": [A-Z0-9]")


def _other_occurrences(doc: Doc) -> None:
    """A new title found once is a mention wherever else it is written the same way."""
    for work in dict.fromkeys([*(w for _a, _b, w in doc.work_spans if w in doc.new),
                               *(w for w, e in doc.new.items() if e.type in WORK_TYPES
                                 and e.rule != "untitled-work")]):
        name = doc.name_of(work)
        if len(name) < 3:
            continue
        # "IN THIS CORNER OF THE WORLD" for In This Corner of the World: a title of
        # several words in capitals is the same title.
        spellings = (name, name.upper()) if " " in name and name.upper() != name else (name,)
        for spelling in spellings:
            for at in word_at(doc.text, spelling, before="@#", after="’'"):
                if _SUBTITLE_AFTER.match(doc.text[at + len(name):at + len(name) + 3]):
                    continue  # "Top Gun: Maverick": a longer title, not "Top Gun"
                if name.lower() in WEEKDAYS and _the_day(doc.text, at, name):
                    continue  # "debuted on Wednesday, Nov. 23": the day
                if _inside_other_name(doc, at, name):
                    continue
                doc.add_work_span(at, at + len(name), work)


_IMPERATIVE_OBJECT = re.compile(r" (?:the|a|an|your|our|my|his|her|their|it|this|that|these|"
                                r"those|more|all|out|up|how|what|why|below|above)\b")


_CAPITALISED_AFTER = re.compile(r" (?!Season|Part|Chapter|Volume|Vol)[A-Z][a-z]")
_CAPITALISED_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w.-]*) $")


def _inside_other_name(doc: Doc, at: int, name: str) -> bool:
    """Whether ``name`` at ``at`` is part of another name ("Wednesday Addams", "Apollo
    Creed") or, for a one-word title, the verb opening a sentence ("See the trailer
    below")."""
    after = doc.text[at + len(name):at + len(name) + 12]
    if _CAPITALISED_AFTER.match(after):
        return True
    before = _CAPITALISED_BEFORE.search(doc.text[max(0, at - 24):at])
    if before and before.group(1) not in STOP and not doc.text[:at].rstrip().endswith(
            (".", "!", "?", ":")):
        return True
    return " " not in name and _IMPERATIVE_OBJECT.match(after) is not None and (
        at == 0 or doc.text[at - 1] == "\n" or doc.text[:at].rstrip()[-1:] in ".!?")


_FIRST_NAME_BEFORE = re.compile(r"(?<![\w’'.])([A-Z][a-z]+) $")
_LAST_NAME_AFTER = re.compile(r" ([A-Z][a-z][\w’'-]*)(?![\w’'-]| [A-Z])")


def _nickname(text: str, start: int, end: int) -> bool:
    """Whether the quoted words at [start, end) are a nickname between a first name and
    a surname: "Dwayne ‘The Rock’ Johnson", "Abel “The Weeknd” Tesfaye" (a person,
    not a work)."""
    first = _FIRST_NAME_BEFORE.search(text[max(0, start - 30):start])
    last = _LAST_NAME_AFTER.match(text[end:end + 40])
    if first is None or last is None or first.group(1) in STOP or \
            last.group(1) in ("Season", "Part", "Chapter", "Volume", "Star", "Actor"):
        return False
    return first.group(1).lower() in FIRST_NAMES or \
        guess_type(f"{first.group(1)} {last.group(1)}") == "Person"


def _the_day(text: str, at: int, name: str) -> bool:
    """Whether the weekday's name at ``at`` is the day, not a title of that name."""
    return bool(re.search(r"\b(?:on|last|next|this|by|until|from|since|every)\s$",
                          text[max(0, at - 7):at], re.IGNORECASE) or re.match(
        r",? (?:[A-Z][a-z]{2,8}\.? \d|\d)", text[at + len(name):at + len(name) + 12]))


_TITLE = re.compile(TITLE)


_CAPITALS_SEQUEL = re.compile(r"[A-Z]{2,}(?: [A-Z]{2,})* (?:[2-9]|II|III|IV)")
_SERIES_WORD_AFTER = re.compile(r"\b(series|show|season)\b")
_SERIES_CUE_BEFORE = re.compile(rf"\b(?:{_SERIES_CUES})\s*$")
_CITY_BEFORE = re.compile(r"(?:^|(?<=[:;] ))(?P<c>[A-Z][\w-]+), $")
_OWNED_TITLE = re.compile(r"(?:The )?(?P<o>[A-Z][\w&+.-]*(?: [A-Z][\w&+.-]*)?)[’']s "
                          r"(?=[A-Z])")
_SERIES_CUE = re.compile(_SERIES_CUES)


#: "OPERATION FINALE (MGM) was notably weak at $6M", "SEARCHING (Sony/Screen Gems)
#: expanded …": a box-office column's title in capitals, its studio in brackets.
_CAPITALS_STUDIO = re.compile(r"(?<![\w’'-])(?P<t>[A-Z][A-Z0-9’'&!.-]+(?: [A-Z0-9][A-Z0-9’'&:!.-]*)"
                              r"{0,6}) \((?P<s>[A-Z][\w&.+-]*(?: [A-Z][\w&.+-]*){0,3}(?:/[A-Z]"
                              r"[\w&.+-]*(?: [A-Z][\w&.+-]*){0,3}){0,2})\)")


def _capitals_with_studio(doc: Doc) -> None:
    """Titles written in capitals, each with its studio in brackets: "OPERATION FINALE
    (MGM)", "CRAZY RICH ASIANS (SK Global/Warners)". The column's own convention is the
    evidence, so two such titles at least; the work is named as a title is written
    ("Operation Finale")."""
    found = [m for m in _CAPITALS_STUDIO.finditer(doc.text)
             if re.search(r"[A-Z]{3}", m.group("t"))]
    found = [m for m in found if doc.lookup(m.group("t")) is None and
             m.group("t").lower() not in KNOWN_NAMES and
             not (" " not in m.group("t") and len(m.group("t")) <= 2)]
    if len({m.group("t") for m in found}) < 2:
        return
    for m in found:
        work = doc.entity(title_cased(m.group("t").lower()), "Movie", "capitals-studio", m.group(0), 0.5)
        doc.add_work_span(m.start("t"), m.end("t"), work)


#: A line of a programme holding only a title and, in brackets, who made it and the
#: country: "APPRENTICE (Boo Junking, Singapore)", "NOTES ON BLINDNESS (Peter Middleton and
#: James Spinney, UK)".
_TITLE_MAKER_COUNTRY = re.compile(
    rf"\s*(?:[-–•*·]\s*)?(?P<t>{TITLE_WORDS}) \((?P<p>{NAME}(?: and {NAME})?), "
    rf"(?P<c>[A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}})\)\s*")


def _written_as_title(title: str) -> str:
    """A title written in capitals, named as a title is written ("It’s Only the End of
    the World"); any other as it stands."""
    if re.search(r"[a-z]", title):
        return title
    return title_cased(title.lower())


def _titles_with_makers(doc: Doc) -> None:
    """A festival's or a programme's list, each line a title with its filmmakers and
    country in brackets: "CERTAIN WOMEN (Kelly Reichardt, USA)" (two such lines at
    least): each a film and its `director`s. A bracket ending in no country ("Emily
    Beecham (Elite)", an actor's credit) is no such line."""
    lines = [(p, m) for p in doc.paragraphs if len(p.text) < 160
             and (m := _TITLE_MAKER_COUNTRY.fullmatch(p.text))
             and (is_place_or_award(m.group("c")) or m.group("c") in ("USA", "US", "U.S."))]
    if len(lines) < 2:
        return
    for p, m in lines:
        title = m.group("t")
        people = [doc.trim(x) for x in m.group("p").split(" and ")]
        if not all(guess_type(x) == "Person" and not is_place_or_award(x) for x in people) \
                or title.lower() in KNOWN_NAMES:
            continue
        at = p.start + m.start("t")
        found = doc.lookup(title)
        if found is not None and doc.type_of(found) not in WORK_TYPES:
            continue
        if found is None:
            found = doc.entity(_written_as_title(title), "Movie", "title-maker-line",
                               p.text.strip(), 0.5)
        doc.add_work_span(at, at + len(title), found)
        for person in people:
            director = doc.lookup(person) or doc.entity(person, "Filmmaker",
                                                        "title-maker-line", p.text.strip())
            if is_a(doc.type_of(director), "Person"):
                doc.add(found, "director", p.text.strip(), p.start + m.start("t"),
                        "title-maker-line", 0.6, obj=director)


#: A kind of work, then a title in capitals: "with Closing Night film LOVE & FRIENDSHIP from".
_KIND_CAPITALS = re.compile(r"\b(?:film|movie|series|documentary|feature|drama|comedy|thriller)"
                            r" (?P<t>[A-Z][A-Z0-9’'-]+(?: (?:[A-Z0-9’'&-]+|[A-Z]{2,}))*)"
                            r"(?![\w’'&-])(?! [A-Z][a-z])")


def _capitals_after_kind(doc: Doc) -> None:
    """A title in capitals right after a kind of work, no determiner before it ("on 19
    June with Closing Night film LOVE & FRIENDSHIP from Whit Stillman"), in an article
    that already writes another title so (a programme's convention)."""
    caps = {w for a, b, w in doc.work_spans if not re.search(r"[a-z]", doc.text[a:b])
            and len(doc.text[a:b]) > 3}
    if not caps:
        return
    for m in _KIND_CAPITALS.finditer(doc.text):
        title = m.group("t")
        if len(title.replace(" ", "")) < 4 or doc.work_span_at(m.start("t"), m.end("t")) \
                or title.lower() in KNOWN_NAMES or guess_type(title) != "Person":
            continue
        if len(caps - {doc.lookup(title)}) == 0:
            continue
        found = doc.lookup(title)
        if found is not None and doc.type_of(found) not in WORK_TYPES:
            continue
        work = found or doc.entity(_written_as_title(title), "Movie", "kind-capitals",
                                   doc.text[m.start():m.end()], 0.5)
        doc.add_work_span(m.start("t"), m.end("t"), work)


#: "The American ($13.2M), Lawless ($10M), The Debt ($9.9M)": titles each with a gross in
#: brackets.
_TITLE_GROSS = re.compile(rf"(?<![\w’'-])(?:the \d+(?:st|nd|rd|th) weekend of |(?:19|20)\d\d )?"
                          rf"(?P<t>{TITLE_WORDS}) \(\$\d[\d.,]*(?:[MKB]|\s?(?:million|"
                          rf"billion))\)")


def _named_as_no_work(title: str) -> bool:
    """A name these title readers leave alone: a person's (a given name first), a known
    company's or service's, a place's or an award's."""
    return title.split()[0].lower() in FIRST_NAMES or title.lower() in KNOWN_NAMES or \
        is_place_or_award(title)


def _titles_with_grosses(doc: Doc) -> None:
    """A sentence that gives two titles or more each with its gross in brackets, "below the
    3-day for The American ($13.2M), Lawless ($10M), The Debt ($9.9M) …": a box-office
    column's comparisons, each a film (not a person, a company or a known non-work)."""
    for s in doc.sentences:
        if s.text.count("($") < 2:
            continue
        found = []
        for m in _TITLE_GROSS.finditer(s.text):
            raw, start = m.group("t"), m.start("t")
            if not raw[0].isupper():
                cut = re.search(r" (?=[A-Z])", raw)  # "3-day for The American"
                if cut is None:
                    continue
                raw, start = raw[cut.end():], start + cut.end()
            title = _clean_title(doc, raw)
            if title is None or title != raw or title in STOP:
                continue
            known = doc.lookup(title)
            if (known is not None and doc.type_of(known) not in WORK_TYPES) or \
                    _named_as_no_work(title):
                continue
            found.append((title, s.start + start, known))
        if len(found) < 2:
            continue
        for title, at, known in found:
            if known is not None:
                doc.add_work_span(at, at + len(title), known)
            else:
                _register(doc, title, at, "Movie", "title-gross", title, 0.5)


#: "…, Finding Dory depicts a new adventure", "Wednesday follows the protagonist": a title
#: as the subject of a plot verb, opening its sentence or clause.
_PLOT_SUBJECT = re.compile(rf"(?:^|(?<=, ))(?P<t>{TITLE_WORDS}) (?:depicts|follows the (?:story|"
                           rf"journey|life|lives|adventures?)|chronicles|tells the (?:story|tale) "
                           rf"of|centers on|centres on|centers around)\b")


_PLOT_VERB = re.compile(r"\b(?:depicts|follows|chronicles|tells|centers|centres)\b")


def _plot_subjects(doc: Doc) -> None:
    """A name the text gives a plot to is a work, not a person: "Reuniting Nemo, Marlin
    and Dory, Finding Dory depicts a new adventure to discover Dory’s past" (never a
    given name first, nor a name that speaks or stars elsewhere)."""
    for s in doc.sentences:
        if not _PLOT_VERB.search(s.text):
            continue  # a cheap look for the verbs first
        for m in _PLOT_SUBJECT.finditer(s.text):
            title = _clean_title(doc, m.group("t"))
            if title is None or title != m.group("t") or title.split()[0] in STOP or \
                    _named_as_no_work(title):
                continue
            found = doc.lookup(title)
            if (found is not None and doc.type_of(found) not in WORK_TYPES) or \
                    _person_context(doc.text, title) or _speaks(doc.text, title):
                continue
            at = s.start + m.start("t")
            if doc.work_span_at(at, at + len(title)) is None:
                if found is not None:
                    doc.add_work_span(at, at + len(title), found)
                else:
                    _register(doc, title, at, "Movie", "plot-subject", m.group(0), 0.5)


#: "playing international spies in 355, an action thriller": a number named as a kind of
#: work.
_NUMBER_TITLE = re.compile(r"(?<![\w$£€.,:/-])(?P<t>\d{2,4}), an? (?:[\w-]+ ){0,3}?"
                           r"(?P<k>film|movie|thriller|drama|comedy|series|show|documentary|"
                           r"biopic|musical)\b")


def _number_titles(doc: Doc) -> None:
    """A number in apposition to a kind of work is its title ("in 355, an action thriller in
    the vein of …"); not a year ("in 2019, a film …" dates it)."""
    for m in _NUMBER_TITLE.finditer(doc.text):
        title = m.group("t")
        if re.fullmatch(r"(?:19|20)\d\d", title) or doc.work_span_at(m.start("t"), m.end("t")):
            continue
        type_ = "TVSeries" if m.group("k") in ("series", "show") else "Movie"
        work = _register(doc, title, m.start("t"), type_, "number-title", m.group(0), 0.5)
        for other in re.finditer(rf"(?<![\w$£€.,:/-]){title}(?= (?:is|was|will|has|stars|"
                                 rf"follows)\b)", doc.text):
            doc.add_work_span(other.start(), other.end(), work)


#: An entry of a streaming or ratings chart: its rank, the title, the service or ticker in
#: brackets and its figure. "1. The Mandalorian (Disney+), 1.34 billion minutes watched"
#: on a line of its own, "No. 7, All of Us Are Dead (NFLX), 850 million minutes; No. 8,
#: The Book of Boba Fett (DIS), 776 million" in a sentence.
_CHART_ENTRY = re.compile(rf"(?:^|(?<=[\n:;])|(?<=\band))[ \t]*(?:No\. ?|#)?\d{{1,2}}"
                          rf"(?: \(tie\))?[.,)] "
                          rf"(?P<t>{TITLE_WORDS})\*? \((?P<s>[^()\n]{{2,40}})\),? "
                          rf"\$?\d[\d.,]* (?:million|billion)\b", re.MULTILINE)


def _chart_entries(doc: Doc) -> None:
    """The titles of a chart printed entry by entry, two entries or more: "2. The Office
    (Netflix), 1.31 billion", "9. Schitt’s Creek (Netflix), 597 million" (Nielsen's
    streaming chart). Each is a work, of the kind its article speaks of more (the service
    in the brackets is read by the rules of services). Not a person ("3. Taylor Swift
    (Republic), …") nor a company in the title's place."""
    entries = list(_CHART_ENTRY.finditer(doc.text))
    if len(entries) < 2:
        return
    for m in entries:
        title = m.group("t").strip()
        if doc.lookup(title) is None and (guess_type(title) != "Person" or
                                          title.split()[0].lower() in FIRST_NAMES):
            continue  # a company or a person: no title ("Virgin River", a place's name, is)
        at = m.start("t")
        found = doc.lookup(title)
        if found is not None and doc.type_of(found) not in WORK_TYPES:
            continue
        # the kind word right before it elsewhere ("the streamer’s heist movie Lift"), else
        # the kind the article speaks of more
        said = re.search(rf"\b(?P<k>movie|film|series|show)s? {re.escape(title)}\b", doc.text)
        kind = work_kind(said.group("k") if said else "", doc.text)
        if found is None:
            _register(doc, title, at, kind, "chart-entry", m.group(0).strip(), 0.6)
        else:
            doc.add_work_span(at, at + len(title), found)


def find_titles(doc: Doc) -> None:
    """Every work title in the article.

    * quoted: ``"We Can Be Heroes" sequel`` (title case only: a quoted sentence or a
      quoted phrase is not a title);
    * after a cue word: ``the action comedy Bad Boys: Ride or Die``, ``the reboot
      Heroes``, ``the Netflix series Bridgerton``;
    * with a year: ``2005's The Adventures of Sharkboy and Lavagirl``,
      ``Machete (2010)``;
    * ``starring in Spy Kids``.

    The longest title wins: a known series name inside a longer title is not a mention
    of the series.
    """
    _headings(doc)
    _capitals_with_studio(doc)
    _titles_with_makers(doc)
    _titles_with_grosses(doc)
    _chart_entries(doc)
    _number_titles(doc)
    _untitled(doc)
    _company_one_word(doc)
    for s in doc.sentences:
        for m in _TITLE.finditer(s.text):
            title = m.group("t").strip().rstrip(",.")
            number = title.isdigit() and bool(
                _WORK_BEFORE.search(s.text[max(0, m.start() - 30):m.start()]))
            sequel = _CAPITALS_SEQUEL.fullmatch(title)
            capitals = title.upper() == title and not sequel and not (
                len(title) >= 4 and _network_before(s.text[max(0, m.start() - 30):m.start()])
            )  # but ‘IT 2‘, “the BBC’s “SS-GB,” starring Sam Riley”
            if not number and (len(title) <= 2 or capitals or
                               not is_title_case(title) or len(title.split()) > 10):
                continue  # but "The science fiction film “65,” starring Adam Driver"
            if title.split()[0] in ("I", "I'm", "I’m") and " " in title:
                continue
            if s.text[m.end():m.end() + 1].isalpha() and not re.match(
                    r"s[”\"]", s.text[m.end():m.end() + 2]):
                continue  # an apostrophe inside a word, not the closing quote
            after = s.text[m.end():m.end() + 14]
            type_ = "MovieSeries" if after.startswith((" franchise", " trilogy", " saga")) \
                else work_kind(s.text)
            before = s.text[max(0, m.start() - 30):m.start()]
            if _SERIES_WORD_AFTER.search(after) or \
                    _SERIES_CUE_BEFORE.search(before) or \
                    _network_before(before):
                type_ = "TVSeries"
            found = doc.lookup(title)
            if found is not None:
                if doc.type_of(found) in ("Movie", "TVSeries", "MovieSeries", "TVSeason"):
                    doc.add_work_span(s.start + m.start("t"), s.start + m.start("t")
                                      + len(title), found)
                continue
            if guess_type(title) not in ("Person",) and not sequel and (
                    title.lower() in KNOWN_NAMES or not (_WORK_BEFORE.search(before) or (
                        title.isupper() and _network_before(before)))):
                continue  # "“Vanity Fair”" is no title; "seasons of “The Umbrella Academy”" is
            if _nickname(s.text, m.start(), m.end()):
                continue  # "Dwayne ‘The Rock’ Johnson": a nickname between two names
            if re.search(r"\b(?:known as|nicknamed|code-?named|alias|aka)\s$", before) and \
                    re.match(r" \((?:[A-ZÀ-Þ][\w’'.-]+ ?){2,4}\)", s.text[m.end():]):
                continue  # "the criminal mastermind known as ‘El Profesor’ (Álvaro Morte)":
                # a character, the bracket its actor
            _register(doc, title, s.start + m.start("t"), type_, "quoted-title", m.group(0),
                      0.5)
        for m in _TITLE_LIST.finditer(s.text):
            cue = s.text[m.start():m.start("t")]
            type_ = "TVSeries" if re.match(r"series|shows|dramas|sitcoms|(?:new )?seasons",
                                           cue) else "Movie"
            titles = [m.group("t")] + re.split(r",\s*(?:and\s+)?|,?\s+and\s+(?=[A-Z“\"‘])",
                                               m.group("more").lstrip(", ").removeprefix("and "))
            titles = [t for t in titles if t and t != "more"]
            people = [t for t in titles if _looks_like_person(doc, t)]
            if re.search(r"\b(?:writers|directors|actors|actresses|stars|filmmakers|creators|"
                         r"talents?|people|names|producers)\b", cue) or (
                    people and (len(people) * 2 >= len(titles) or not re.match(
                        r"[a-z]+ (?:such as|like|including|include|includes) ", cue))):
                continue  # "movies from writers and directors such as Michael Bay, …"
            for raw in titles:
                if raw in people:
                    continue  # "releases including The 33, …, James White, and more"
                # "Star Wars’ The Mandalorian": the title after its franchise's possessive
                raw = re.split(r"[’']s? (?=[A-Z])", raw)[-1]
                title = _clean_title(doc, raw)
                if title is None or (guess_type(title) != "Person" and doc.lookup(title) is None):
                    continue
                at = s.text.find(title, m.start())
                if doc.lookup(title) is not None:
                    doc.add_work_span(s.start + at, s.start + at + len(title),
                                      doc.lookup(title) or "")
                else:
                    _register(doc, title, s.start + at, type_, "title-list", m.group(0), 0.5)
        for pattern, rule, needs in _TITLE_PATTERNS:
            if not needs.search(s.text):
                continue  # a cheap look for the pattern's words first
            for m in pattern.finditer(s.text):
                group = "t" if m.group("t") or "t2" not in m.groupdict() else \
                    "t2" if m.group("t2") or "t3" not in m.groupdict() else "t3"
                if _NOT_A_TITLE_LEAD.match(m.group(group)) or (
                        rule in ("apposition", "kind-apposition") and
                        (_NOT_A_TITLE_BEFORE.search(s.text, 0, m.start(group)) or
                         _FRONTED_CREDIT_LEAD.match(m.group(group)))):
                    continue  # "Apart from Rajkummar and Bhumi, the film will also feature …"
                title = _clean_title(doc, m.group(group), weekdays=rule == "season-title" or (
                    rule == "cue-title" and _weekday_title(doc, s.text, m.start(group),
                                                           m.end(group))))
                if title is None:
                    continue
                if rule in ("directed-apposition", "title-starring", "which-clause",
                            "title-dated", "title-is-by") and is_place_or_award(title):
                    continue  # "TNT’s “4 Blocks” from Germany, directed by Marvin Kren": a
                    # country, the work named before it
                if _JOB_TITLE.match(title):
                    continue  # "Pixar's Chief Creative Officer Pete Docter": someone's post
                if pattern is _CUE_COMMA and _FRONTED_PLACE_IN_WORK.fullmatch(s.text, 0,
                                                                              m.start()):
                    continue  # "Into the series, Assane is seen being dragged …": a phrase
                    # fronted before the clause's subject, no title in apposition
                if "-" in title and all(p in NATIONALITIES or p in ("U.S.", "UK", "US")
                                        for p in title.split("-")):
                    continue  # "ZDF’s German-Czech co-production": nationalities
                if rule == "cast-of" and _PERSON_DEBUT.search(m.group(0)):
                    continue  # "the directorial debut of Rebecca Hall": a person's debut
                if rule == "cast-of" and re.match(r", [A-Z][\w’' ]{1,40}[?!]", s.text[m.end(group):]):
                    continue  # "the first trailer for What Happened, Miss Simone?": a title
                    # its comma cuts short
                if rule == "starring-in" and re.match(
                        r"(?:[’']s)? (?:[a-z-]+ ){0,2}(?:film|movie|series|show|project|"
                        r"feature|venture|picture|effort|outing)s?\b", s.text[m.end(group):]) and re.search(
                        r"[’']s$|[’']s(?= )", s.text[m.start(group):m.end(group) + 2]):
                    continue  # "who will also star in Anderson’s upcoming film": the maker's
                    # possessive, no title
                if rule == "kind-is" and not (m.group("named") or _repeated(doc, title)):
                    continue  # "The film is Oscar-nominated": no title
                if _EVENT_AFTER.match(s.text, m.end(group)):
                    continue  # "the PGA’s Produced By conference": an event
                if rule == "kind-apposition" and (title.split()[0].lower() in FIRST_NAMES or
                                                  _person_context(doc.text, title)):
                    continue  # "Tom Hanks, a comedy veteran": a person
                if rule == "debut-apposition" and title.split()[0].lower() in FIRST_NAMES and \
                        s.text[m.end(group):m.end(group) + 1] not in "”\"’'":
                    continue  # "new films by Abel Ferrara, Alex Gibney, Vanessa Redgrave’s
                    # directorial debut": a filmmaker listed before hers, no title
                if rule == "apposition" and (_TITLE_AFTER_KIND.match(s.text, m.end()) or (
                        title.split()[0].lower() in FIRST_NAMES and
                        s.text[m.end(group):m.end(group) + 1] not in "”\"’'")):
                    continue  # "Starring Dwayne Johnson and Chris Evans, the Christmas movie
                    # “Red One”": the kind word is the next title's, and a person unquoted
                city = _CITY_BEFORE.search(s.text[:m.start(group)])
                if rule == "kind-apposition" and city and is_place_or_award(title):
                    # "The first pilot: Mogadishu, Minnesota, a drama": a city and its state
                    title = f"{city.group('c')}, {title}"
                if rule == "apposition" and re.search(
                        r"[A-Z][\w’'-]+,? (?:and|&) $", s.text[:m.start(group)]) and \
                        s.text[:m.start(group)].count(", ") >= 2:
                    continue  # "Starring Emma McDonald, …, Kadeem Hardison, and Yazzmin Newell,
                    # the sci-fi series is set …": the last of a cast list, then the series
                if rule == "apposition" and " and " in title and re.search(
                        r"[A-Z][\w’'-]+, $", s.text[:m.start(group)]):
                    continue  # "four main characters—Trevor Belmont, Sypha Belandes, Grant
                    # Danasty and Alucard, the upcoming animated adaptation …": a list's end
                if rule == "title-dated" and (title.split()[0].lower() in FIRST_NAMES or
                                              re.match(r"(?:Season|Part|Episode|Chapter|"
                                                       r"Volume|Series|It|This|That)\b", title)):
                    continue  # "Season 2 premieres on …", a person, a pronoun: no title
                if rule in ("title-kind-title", "name-stars") and (
                        doc.is_person(title, strict=True) or _named_as_no_work(title) or (
                            rule == "name-stars" and " " not in title and
                            not _repeated(doc, title))):
                    continue  # "Marvel sequel …", "Hollywood stars Tom Hanks and …", "Netflix
                    # stars …": a company or a place, no title; "X stars" one word only when
                    # repeated
                if rule == "title-starring" and ((len(title.split()) < 2 and not m.group("app"))
                                                 or title.split()[0].lower() in FIRST_NAMES):
                    continue  # one word alone needs "an epic drama" after it; no person
                if rule == "title-starring" and _SOURCE_BEFORE.search(s.text, 0, m.start(group)):
                    continue  # "an adaptation of Jane Austen’s early novella Lady Susan,
                    # starring …": the source, not the film the cast is in
                if rule == "title-year" and (re.search(r"\)(?:,| and|, and) $",
                                                       s.text[:m.start(group)]) or re.match(
                        r",? (?:and )?[A-Z][\w’'-]+ [A-Z][\w’'-]+ \(", s.text[m.end():])) and \
                        doc.is_person(title):
                    continue  # "Charlie Barnett (Russian Doll), Dean-Charles Chapman (1917)
                    # and Carrie-Anne Moss (The Matrix)": a cast list's earlier credits
                if rule in ("title-year", "apposition", "season-title", "which-clause",
                            "title-based",
                            "renewed", "order", "after-source", "is-the", "title-starring",
                            "released-apposition", "directed-apposition", "and-other",
                            "fronted-credit", "title-is-by", "debut-apposition",
                            "kind-apposition"):
                    # "One Battle After Another" as the headline writes it keeps its "One"
                    title = title if title in doc.article.title else _strip_lead(title)
                    if title is None:
                        continue
                owned = _OWNED_TITLE.match(title)
                if owned and (owned.group("o").lower() in KNOWN_NAMES or is_a(
                        doc.type_of(doc.lookup(owned.group("o"))), "Organization")):
                    title = title[owned.end():]  # "The CW’s Lost Boys": the network's title
                author = _AUTHOR_OWNED.match(title)
                if rule == "derived-of" and author and doc.is_person(author.group("o")) and \
                        (m.group("kind") or "") == "adaptation":
                    title = title[author.end():]  # "adaptation of Margaret Atwood’s The
                    # Handmaid’s Tale": the author's title
                lead = s.text[max(0, m.start(group) - 12):m.start(group)]
                if " in " in title and (re.search(r"\b(?:plays?|played|playing|portrays?|"
                                                  r"voices?|as)\s$", lead) or (
                        rule == "title-based" and doc.is_person(title.split(" in ", 1)[0]))):
                    title = title.split(" in ", 1)[1]  # the role, then the title; "Kate
                    # McKinnon in The Dropout": the star, then the title
                cue = m.groupdict().get("cue") or ""
                if rule == "season-title-of-year" and (is_place_or_award(title) or re.search(
                        r"\b(?:Festival|Awards?|Oscars|Emmys|Globes|Games|Olympics|Bowl|Con|"
                        r"Season|Summer|Tour|Week)\b", title)):
                    continue  # "this year’s Sundance Film Festival": an event
                type_ = "TVSeries" if _SERIES_CUE.fullmatch(cue) or cue == "shows" or \
                    _network_before(s.text[m.start():m.start() + 30].split(" ", 1)[0] + " ") or \
                    rule in ("season-title", "renewed", "order") or (
                        rule == "is-the" and re.search(r"\b(?:series|show|season|TV)\b",
                                                       m.group(0))) or (
                        # "Ziddi Girls … has been created by …": a creator's, a series
                        rule == "title-is-by" and " created by " in m.group(0)) or (
                        rule == "after-source" and re.search(r"\b(?:episodes?|season|series)\b",
                                                             s.text)) else (
                        "MovieSeries" if cue == "franchise" else "Movie")
                joined = _AND_OWNER.search(title)
                if joined:
                    # "Excel Entertainment’s Fukrey 3 and Vicky Kaushal’s Sam Bahadur": the
                    # next owner's possessive opens another work; this title ends before it
                    title = title[:joined.start()]
                found = doc.lookup(title)
                owner = (m.groupdict().get("own") or "").lower().removesuffix(".")
                if rule == "owned-title" and owner not in KNOWN_NAMES and not (
                        doc.lookup(owner) and is_a(doc.type_of(doc.lookup(owner)),
                                                   "Organization")) and \
                        guess_type(m.group("own")) in ("Person", "NewsMediaOrganization"):
                    continue  # only a company's title, not "Dick Wolf’s" or "Variety's"
                if rule == "owned-title" and found is None and \
                        2 <= len(title.split()) <= 3 and title.istitle() and (
                            owner in KNOWN_NAMES or doc.lookup(owner) is not None) and \
                        is_a(guess_type(m.group("own")) if doc.lookup(owner) is None else
                             doc.type_of(doc.lookup(owner)), "NewsMediaOrganization"):
                    continue  # "described as a “digital samurai story” by The Verge's
                    # Russell Brandom": an outlet's reporter, no title
                if rule == "owned-title" and found is None and (
                        _person_context(doc.text, title) or (
                            len(title.split()) == 2 and title.split()[0].lower() in FIRST_NAMES
                            and re.search(r"\b(?:with|and|by|producers?|executives?)\s+(?:\S+\s+){0,3}$",
                                          s.text[:m.start()]))):
                    continue  # "Amazon’s Roy Price, vice-president of Amazon Studios, said";
                    # "executive produce along with 3 Arts Entertainment’s David Miner";
                    # "Netflix’s Ted Sarandos and Disney’s Bob Iger spoke"
                if found is None and rule in ("starring-in", "title-derived") and not \
                        _repeated(doc, title) and owner not in KNOWN_NAMES:
                    continue
                if found is None and guess_type(title) != "Person" and not (
                        title.isupper() and rule != "apposition") and not (
                        # "Sacred Games Season 2 starts streaming": a company word
                        # ("Games") in a title with a season number
                        rule == "season-title" and guess_type(title) == "Organization" and
                        title.lower() not in KNOWN_NAMES) and not (
                        rule == "cue-title" and title.lower() not in KNOWN_NAMES
                        and guess_type(title) in ("Organization", "ProductionCompany")
                        and title.split()[0] == "The"):
                    continue  # "YOU" after a cue word is a title, "Netflix" is not; "the
                    # series, The Society," is
                at = s.text.find(title, m.start(group))
                quote = s.text[m.start():at + len(title)]
                if found is not None:
                    doc.add_work_span(s.start + at, s.start + at + len(title), found)
                else:
                    _register(doc, title, s.start + at, type_, rule, quote, 0.5)
    _capitals_after_kind(doc)
    _quoted_lists(doc)
    _titles_by_line(doc)
    _headline_titles(doc)
    _numbered(doc)
    _credit_titles(doc)
    _credit_lists(doc)
    _bracketed_credits(doc)
    _listed_credits(doc)
    _people_with_credits(doc)
    lineup_titles(doc)
    _numbered_titles(doc)
    _plot_subjects(doc)
    _other_occurrences(doc)
    _listed_with_works(doc)
    _series_by_context(doc)
    _same_kind_as_listed(doc)
    _sources(doc)
    _untitled_directed(doc)
    _service_originals(doc)
    _seasons(doc)
    _new_seasons(doc)
    for s in doc.sentences:
        rule_derived_work(doc, s)
    _owned_remakes(doc)


_QUOTED = r"[“\"‘](?:[A-Z0-9][^\"“”‘’\n]{0,60}?)[,.]?[”\"’]"
_QUOTED_LIST = re.compile(rf"{_QUOTED}(?:,? {_QUOTED})*,? (?:and|or) {_QUOTED}")


#: A line of a list holding only a title, maybe its original title in brackets, and who
#: made it: "Leave One Day (Partir Un Jour) by Amélie Bonnin", "Highest 2 Lowest by Spike
#: Lee".
_TITLE_BY_LINE = re.compile(rf"(?:{AWARD_LABEL}: )?(?P<t>{TITLE_WORDS}|[A-Z0-9][^()\n]{{1,80}}?)(?: \((?P<o>[^()\n]{{1,80}})\))? "
                            rf"by (?P<p>{NAME})\s*")


def _by_lines(doc: Doc) -> list[tuple[Sentence, re.Match[str]]]:
    """The lines holding a title and its maker, when there are two or more."""
    lines = [(p, m) for p in doc.paragraphs if len(p.text) < 200 and " by " in p.text
             and (m := _TITLE_BY_LINE.fullmatch(p.text))]
    return lines if len(lines) >= 2 else []


def _titles_by_line(doc: Doc) -> None:
    """"Colors of Time (La Venue De L’avenir) by Cédric Klapisch" on lines of their own,
    two or more: each a film and its director (a list of a festival's or a studio's
    titles)."""
    lines = _by_lines(doc)
    for p, m in lines:
        title, person = m.group("t").strip(), m.group("p")
        if guess_type(person) != "Person" or (title.split()[0] in STOP and
                                              title.split()[0] not in ("The", "A", "An")):
            continue
        at = p.start + m.start("t")
        found = doc.lookup(title)
        if found is not None and doc.type_of(found) not in WORK_TYPES:
            continue
        if m.group("award") and found is None:
            # a winners list's line: the title after the award's colon, not a longer
            # title read across the colon ("People's Choice Award: Green Book")
            label = p.start + m.start("award")
            across = {w for a, b, w in doc.work_spans if a < at + len(title) and label < b
                      and w in doc.new and ":" in doc.new[w].name}
            doc.work_spans[:] = [(a, b, w) for a, b, w in doc.work_spans if w not in across]
            for w in across:
                del doc.new[w]
            for key in [k for k, w in doc.names.items() if w in across]:
                del doc.names[key]
        work = found or _register(doc, title, at, "Movie", "title-by-line", p.text, 0.5)
        if found is not None:
            doc.add_work_span(at, at + len(title), found)
        director = doc.entity(person, "Filmmaker", "title-by-line", p.text)
        if is_a(doc.type_of(director), "Person"):
            doc.add(work, "director", p.text.strip(), p.start, "title-by-line", 0.6,
                    obj=director)
        if m.group("award"):
            # a winners list: "People's Choice Award: Green Book by Peter Farrelly"
            award_line(doc, work, m.group("award"), p)


def _quoted_lists(doc: Doc) -> None:
    """"“The Chair Company,” “I Love LA,” and “Task” have all received stellar reviews":
    quoted titles listed with a work are works of that kind too."""
    for m in _QUOTED_LIST.finditer(doc.text):
        items = [(m.start() + q.start("t"), q.group("t").strip().rstrip(",."))
                 for q in re.finditer(TITLE, m.group(0))]
        if len(items) < 2:
            continue
        known = [doc.work_span_at(a, a + len(t)) for a, t in items]
        kinds = {doc.type_of(k[2]) for k in known if k is not None}
        if len(kinds) != 1 or not kinds <= {"Movie", "TVSeries"}:
            continue
        kind = kinds.pop() or "Movie"
        anchor = next(k[2] for k in known if k is not None)
        listed = doc.memo.setdefault("quoted-list", [])
        assert isinstance(listed, list)
        for (a, t), k in zip(items, known, strict=True):
            found = doc.lookup(t)
            if k is not None or not is_title_case(t) or len(t.split()) > 8 or \
                    t.lower() in KNOWN_NAMES or is_place_or_award(t) or (
                        found is not None and doc.type_of(found) not in WORK_TYPES):
                continue
            if found is not None:
                doc.add_work_span(a, a + len(t), found)
            else:
                listed.append((anchor, _register(doc, t, a, kind, "quoted-list", m.group(0),
                                                 0.5)))


def _same_kind_as_listed(doc: Doc) -> None:
    """A title listed with a work is of the kind that work turned out to be."""
    listed = doc.memo.get("quoted-list") or []
    assert isinstance(listed, list)
    for anchor, work in listed:
        if work in doc.new and doc.type_of(anchor) in ("Movie", "TVSeries"):
            doc.new[work].type = str(doc.type_of(anchor))


_HEADLINE_SERIES = re.compile(r"^\s*(?:season|series|episode|finale|premiere ratings)\b",
                              re.IGNORECASE)


_PERSON_BEFORE = re.compile(r"(?:\bstarring|\bstars|\bco-stars?|\bactor|\bactress|\bdirector|"
                            r"\bfilmmaker|\bproducer|\bwriter|\bcreator|\bshowrunner|"
                            r"\b[Mm]r\.|\b[Mm]s\.|\b[Mm]rs\.|\b[Dd]r\.|[A-Z][a-z]+ \(|"
                            r"\brelationship with|\bmarried to|\b(?:son|daughter|wife|husband) "
                            r"of) ?$")
_PERSON_AFTER = re.compile(r"(?:\)|’s? (?:role|character)| (?:as [A-Z]|plays\b|portrays\b|"
                           r"stars\b|said\b|says\b|told\b|directed\b|wrote\b|joins\b|"
                           r"has joined\b|is set to (?:join|star|direct|play)\b)|"
                           r",? (?:the )?(?:[\w-]+ )?(?:vice[- ]president|president|chief|head|"
                           r"CEO|chairman|chairwoman|co-founder|founder|managing director)\b)")


def _listed_with_person(headline: str, name: str) -> bool:
    """Whether the headline lists ``name`` beside a person's name ("Kathryn Bigelow, Adam
    McKay"): one of the same kind."""
    named = re.escape(name)
    for m in re.finditer(rf"{named},? (?:and |& )?(?P<a>[A-Z][a-z]+) [A-Z]|"
                         rf"(?P<b>[A-Z][a-z]+) [A-Z][\w’'-]+,? (?:and |& )?{named}", headline):
        if (m.group("a") or m.group("b")).lower() in FIRST_NAMES:
            return True
    return False


def _person_context(text: str, name: str) -> bool:
    """The text names ``name`` where only a person can stand: "starring Maya Rudolph",
    "June (Maya Rudolph)", "Maya Rudolph as June", "Mamoudou Athie is set to join"."""
    for at in word_at(text, name):
        before, after = text[max(0, at - 24):at], text[at + len(name):at + len(name) + 24]
        if _PERSON_BEFORE.search(before) and (not before.endswith("(") or after.startswith(")")):
            return True
        if _PERSON_AFTER.match(after) and not after.startswith(")"):
            return True
        if _OWNER_PERSON_AFTER.match(text, at + len(name)):
            return True
        if _OWN_WORK_AFTER.match(text, at + len(name), at + len(name) + 60):
            return True
        if _CREDITED_LIST_AFTER.match(text, at + len(name), at + len(name) + 120):
            return True
        if _PERSON_LIST_BEFORE.search(text, max(0, at - 160), at):
            return True
    return False


#: A list of people opened by a cast word, up to a name: "starring Darsheel Safary, " before
#: "Arun Govil".
_PERSON_LIST_BEFORE = re.compile(rf"\b(?:starring|featuring|co-starring|actors|actresses|"
                                 rf"cast includes|cast including) (?:{NAME}, )+(?:and )?$")


#: What follows a person, not a work: "Netflix’s Ted Sarandos spoke", "… and Disney’s Bob
#: Iger said" (another company's person beside it, speaking with it).
_OWNER_PERSON_AFTER = re.compile(rf" (?:spoke|speaks|has spoken|(?:and|&) {NAME}[’']s [A-Z][a-z]+ "
                                 rf"[A-Z][a-z]+ (?:said|spoke|say|speak|agreed|met)\b)")


#: "Cher announced that she's been cast": a name that speaks is someone's, not a title's.
_SPEAKS_AFTER = re.compile(r" (?:has |had )?(?:said|says|announced|announces|tweeted|tweets|told|"
                           r"revealed|reveals|confirmed|explained|admitted|joked|recalled)\b")

#: "the Christmas movie “Red One”": the kind word of an apposition opens the next title.
_TITLE_AFTER_KIND = re.compile(r"\s*[“\"‘]")


#: What stands before a character in a headline: "… will play Catwoman and ", "… to
#: play ".
_PART_BEFORE = re.compile(r"\b(?:play|plays|playing|portray|portrays|portraying) "
                          r"(?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)* (?:and|&) )?$")


def _speaks(text: str, name: str) -> bool:
    return any(_SPEAKS_AFTER.match(text, at + len(name)) for at in word_at(text, name))


#: "includes Idris Elba (Prometheus), J.K. Simmons (Whiplash), Jason Bateman …": one of a
#: list of people, each with a credit in brackets (not a year).
_CREDITED_LIST_AFTER = re.compile(r" \((?!\d)[^()\d]{2,50}\),? (?:and )?[A-Z][\w.’'-]* "
                                  r"(?:[A-Z][\w.’'-]* )?[A-Z][\w’'-]+ \((?!\d)")


#: "Alia Bhatt has wrapped up shooting for her next film": someone with works of their own.
_OWN_WORK_AFTER = re.compile(r"(?: (?:has|had|is|was|will|wraps|wrapped|finished|began|"
                             r"starts|started)\b[\w ]{0,30})? (?:for |on |in )?(?:his|her) "
                             r"(?:next|new|latest|upcoming|first|debut|own) (?:[\w-]+ )?"
                             r"(?:film|movie|series|show|project|role|album)\b")


_LISTED = re.compile(rf"(?:^|(?<=, )|(?<=including )|(?<=like ))(?P<list>{TITLE_WORDS}(?:, "
                     rf"{TITLE_WORDS}){{1,8}},? and {TITLE_WORDS})(?=[,.;:]| (?:were|are|have|"
                     rf"had|all|will)\b)")


_OWNER_PREFIX = re.compile(r".*[’']s? (?=[A-Z])")


def _listed_with_works(doc: Doc) -> None:
    """"Dickinson, The Morning Show, See, and For All Mankind were the highly-touted Day 1
    projects": names listed with a work the article names elsewhere are works of that
    kind too."""
    for s in doc.sentences:
        if s.text.count(",") < 2:
            continue
        for m in _LISTED.finditer(s.text):
            items = re.split(r",\s*(?:and\s+)?|\s+and\s+(?=[A-Z“\"‘])", m.group("list"))
            base = s.start + m.start("list")
            at, places = 0, []
            for item in items:
                at = m.group("list").find(item, at)
                # "Star Wars’ The Mandalorian": the title after its franchise's possessive
                own = _OWNER_PREFIX.match(item)
                skip = own.end() if own else 0
                places.append((base + at + skip, item[skip:]))
                at += len(item)
            known = [doc.work_span_at(a, a + len(t)) for a, t in places]
            kinds = {doc.type_of(k[2]) for k in known if k is not None}
            if not kinds or len(kinds) > 1 or not kinds <= {"Movie", "TVSeries"}:
                continue
            kind = kinds.pop()
            if any(t.split()[0].lower() in FIRST_NAMES or t.lower() in KNOWN_NAMES or
                   is_place_or_award(t) or (doc.lookup(t) is not None and doc.type_of(
                       doc.lookup(t)) not in WORK_TYPES) for _a, t in places):
                continue  # a list of people, places or companies
            for (a, t), k in zip(places, known, strict=True):
                if k is None and _clean_title(doc, t) == t:
                    _register(doc, t, a, kind or "Movie", "listed-with-work", m.group(0), 0.5)


_TITLE_WORDS_RE = re.compile(TITLE_WORDS)


#: Capitalized words a title may open with that open sentences too.
_TITLE_OPENERS = frozenset(["The", "Your", "My", "Our", "This", "A", "An", "One", "All", "No"])


_LOWER_BEFORE = re.compile(r"(?:\b[a-z]+,?|\),) $")


def _opened_inside(text: str, name: str) -> bool:
    """Whether the text names ``name`` after a lower-case word inside a sentence ("a
    new trailer for The Secret Life of Pets 2")."""
    at = text.find(name)
    while at >= 0:
        after = text[at + len(name):at + len(name) + 1]
        if not (after.isalnum() or after == "_") and \
                _LOWER_BEFORE.search(text, max(0, at - 30), at):
            return True
        at = text.find(name, at + 1)
    return False


_QUOTES = "'‘’\"“”"
_OCCASION_WORDS = {"Year", "Day", "Days", "Weekend", "Eve", "Holiday", "Holidays", "Festival",
                   "Week"}
_TIME_BEFORE = re.compile(r"\b(?:during|over|on|this|last|next|ahead of|before|after|since|"
                          r"until|through)\s$", re.IGNORECASE)


def _headline_titles(doc: Doc) -> None:
    """A title in the article's headline that the text repeats is a work, even unquoted
    and without a cue word: headline "Descendants: The Rise of Red sets a Disney+
    viewership record", text "A new report from Deadline revealed that Descendants: The
    Rise of Red is now the most-viewed premiere…"; headline "Game of Thrones season 6
    premiere ratings", text "Game of Thrones premiere ratings are in". The headline is
    data a curator has for every article; the longest title-cased run of it that the text
    repeats (twice; three times for one word, never only at sentence starts) and that is
    not a known non-work, a person's name or a company's name wins."""
    headline = doc.article.title or ""
    if not headline:
        return
    # "Netflix's non-English Top 10": no run opens inside a hyphenated word
    runs = [m.group(0) if not headline[:m.start()].endswith("-") else m.group(0).partition(" ")[2]
            for m in _TITLE_WORDS_RE.finditer(headline)]
    runs = [r for r in runs if r]
    people: list[str] = []
    for run in runs:
        whole = doc.lookup(run.rstrip(":,.!?"))
        if (whole is not None and doc.type_of(whole) not in WORK_TYPES) or \
                run.rstrip(":,.!?").lower() in KNOWN_NAMES:
            continue  # "Apple TV+ renews …": not "Apple" as a title
        words = run.split()
        spans = sorted(((i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
                        if j - i <= 8), key=lambda ij: ij[0] - ij[1])
        for i, j in spans:
            name = " ".join(words[i:j]).rstrip(":,.!?")
            if name.endswith(("’", "”", "'", "\"")) and headline[:headline.find(name)].endswith(
                    ("‘", "“", "'", "\"")) and not re.match(
                    r" (?:Spin-?off|Sequel|Prequel|Reboot|Remake|Star|Stars|Director|Creator|"
                    r"Actor|Actress|Showrunner|Producer|Writer|Alum|Breakout)\b",
                    headline[headline.find(name) + len(name):], re.IGNORECASE):
                # "‘The Acolyte’ Blasts Onto Disney+": the quoted title; not "‘Fast &
                # Furious’ Spinoff ‘Hobbs & Shaw’", a credit of the title after it
                name = name[:-1]
            part = name.split()
            # "The Handmaid's Tale", "The Queen's Gambit": a possessive inside a title.
            inner = len(part) >= 3 and part[0] == "The" and re.fullmatch(
                r"[A-Z][a-z]+[’']s", part[1]) is not None and not any(
                w.endswith(("’s", "'s")) for w in part[2:])
            # the text opening with the title alone on a line, as its heading; not the
            # whole headline of three words or more printed again ("Tribeca 2017:
            # Documentary Overview", "Weekend Box Office: Scaring Up Some Cash")
            heading = len(part) >= 2 and any(p.text.strip() == name for p in doc.paragraphs[:2])
            if heading and len(part) >= 3 and name == headline.strip().rstrip(":,.!?"):
                continue
            # "a new character trailer for The Secret Life of Pets 2": a capital "The"
            # (or "Your", "A" …) after a lower-case word inside a sentence opens the title
            if not part or part[0][:1].islower() or (part[0] in STOP and part[0].lower() not in WEEKDAYS
                            and not inner and not heading and not (
                                len(part) >= 2 and part[0] in _TITLE_OPENERS and
                                _opened_inside(doc.text, name))) or \
                    part[-1].lower() in (
                    "of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "with",
                    "from", "by", "vs", "&", "de", "la", "or") or \
                    (any(w.endswith(("’s", "'s")) for w in part) and not inner) or \
                    name.isupper() or \
                    not re.search(r"[a-z]", name) or len(name) < 3:
                continue
            if part[-1] in ("Season", "Part", "Chapter", "Volume", "Episode", "Series",
                            "Book") and re.match(
                    r" (?:\d|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b",
                    headline[headline.find(name) + len(name):]):
                continue  # "Squid Game Season 2 Dominates …": the series and its number,
                # not a title "Squid Game Season"
            if part[0].lower() in FIRST_NAMES and (2 <= len(part) <= 3 or re.match(
                    r" [A-Z]", headline[headline.find(name) + len(name):])):
                continue  # "Bill Skarsgard", "Ryan Reynolds", "Leonardo DiCaprio": a person
            if i > 0 and words[i - 1][:1].isupper() and not words[i - 1].endswith(
                    ("’s", "'s", ":")):
                continue  # "Stallone" of "Sylvester Stallone"
            if any(" ".join(words[i:k]).rstrip(":,.!?").lower() in KNOWN_NAMES
                   for k in range(j + 1, min(len(words), j + 3) + 1)):
                continue  # "Apple" of "Returns to Apple TV+": a company's first word
            if j < len(words) and words[j][:1].isupper() and words[j].endswith(("’s", "'s")):
                continue  # "Sanjay" of "Sanjay Dutt's 'Bhoomi' gets the release date!"
            # "Animal Kingdom Renewed for Season 3": a renewal or a season after a place
            # word still makes a title
            renewed = re.match(r" (?:(?:is |gets |was )?(?:renewed|cancell?ed) for |"
                               r"(?:Gets |Lands )?(?:a )?)Season \d", headline[
                                   headline.find(name) + len(name):], re.IGNORECASE)
            if guess_type(name) != "Person" or name.lower() in KNOWN_NAMES or \
                    (is_place_or_award(name) and not (
                        renewed and name.lower() not in PLACES and len(part) >= 2)) or \
                    name in NATIONALITIES:
                continue  # "non-English Top 10", "Korean content": a language, no title
            if len(part) >= 2 and _person_context(doc.text, name):
                people.append(f" {name} ")
                continue  # "starring Maya Rudolph", "June (Maya Rudolph)": a person
            if any(f" {name} " in p for p in people):
                continue  # "Alia" of "Alia Bhatt" once that is a person
            if len(part) >= 2 and _listed_with_person(headline, name):
                continue  # "HBO Orders Pilots from Kathryn Bigelow, Adam McKay": people
            found = doc.lookup(name)
            if found is not None and doc.type_of(found) not in WORK_TYPES:
                continue
            text = doc.text
            at = word_at(text, name, before="@#", after="’'")
            spelled = False
            if " & " in name and not at and len(part) >= 3:
                # headline "‘Hobbs & Shaw’ Officially Wraps", text "Hobbs and Shaw, the
                # first Fast & Furious spin-off film": one title spelled two ways, the
                # text's way kept
                other = name.rstrip("’'”\"").replace(" & ", " and ")
                at = word_at(text, other, before="@#", after="’'")
                name, spelled = (other, True) if at else (name, False)
            everywhere = len(at)
            if name.lower() in WEEKDAYS:
                # "debuted on Wednesday, Nov. 23": the day, not the title
                at = [a for a in at if not re.search(
                    r"\b(?:on|last|next|this|by|until|from|since|every)\s$", text[max(0, a - 7):a],
                    re.IGNORECASE) and not re.match(r",? (?:[A-Z][a-z]{2,8}\.? \d|\d)",
                                                    text[a + len(name):a + len(name) + 12])]
            # "Wednesday Addams", "Sylvester Stallone": another, longer name
            at = [a for a in at if not re.match(r" (?!Season|Part|Chapter|Volume)[A-Z][a-z]",
                                                text[a + len(name):a + len(name) + 3])]
            # "Does Red Robin sound promising?": a question's verb is no first name
            surname = [a for a in at if re.search(r"\b[A-Z][a-z]+\s$", text[max(0, a - 20):a])
                       and not re.search(r"\b(?:The|In|On|And|But|As|Of|Does|Did|Do|Is|Was|"
                                         r"Will|Can|Could|Would|Should|Has|Have|Had)\s$",
                                         text[max(0, a - 20):a])]
            inside = [a for a in at if not any(
                x.start == a or (x.start < a and not text[x.start:a].strip())
                for x in doc.sentences)]
            # "… Holiday Heist 'Red Robin'": a headline that quotes the title needs the text
            # to name it once only
            where = headline.find(name)
            quoted = where > 0 and headline[where - 1] in _QUOTES and \
                headline[where + len(name):where + len(name) + 1] in _QUOTES and \
                where + len(name) < len(headline)
            # "House of the Dragon, a Game of Thrones prequel, ordered …": the headline
            # opens on a title of three or more words with a small word inside, which the
            # text may name only at sentence starts (no adverb is spelled so)
            opens = where == 0 and len(part) >= 3 and any(w.islower() for w in part[1:-1])
            if len(at) < (3 if len(part) == 1 and not quoted else
                          1 if heading or spelled or quoted else 2) or \
                    (not inside and not heading and not spelled and not opens) or \
                    2 * len(surname) >= len(at):
                continue  # a surname: "Gillian Anderson … Anderson"
            if part[-1] in _OCCASION_WORDS and not quoted and any(
                    _TIME_BEFORE.search(text, max(0, a - 12), a) for a in at):
                continue  # "during Lunar New Year 2015": a time of year, no title
            if len(part) == 2 and not quoted and len(word_at(text, part[1])) > everywhere:
                continue  # "Sylvester Stallone … Stallone": a person's surname alone
            if any(doc.work_span_at(a, a + len(name)) for a in at):
                break  # already a work: the headline names it
            if _PART_BEFORE.search(headline[:headline.find(name)]):
                continue  # "Zoe Kravitz and Paul Dano will play Catwoman and Riddler in new
                # Batman film": a part someone plays, not a title
            listed = re.search(rf"(?P<b>[A-Z][\w’'-]+ [A-Z][\w’'-]+), {re.escape(name)}"
                               rf"(?:,| and\b)|{re.escape(name)}, (?P<a>[A-Z][\w’'-]+ "
                               rf"[A-Z][\w’'-]+)(?:,| and\b)", headline)
            if listed and doc.is_person(listed.group("b") or listed.group("a") or "") and \
                    re.search(r"\b(?:stars?|starring|with|cast|joins?|join|features?|"
                              r"adds?)\b", headline[:listed.start()]):
                people.append(f" {name} ")
                continue  # "… stars Bryan Cranston, Hope Davis, Liev Schreiber and others":
                # a name in a list of people
            if _speaks(headline, name) or any(
                    _SPEAKS_AFTER.match(text, a + len(name)) for a in at):
                people.append(f" {name} ")
                continue  # "Cher announced that she's been cast": a person
            after = headline[headline.find(name) + len(name):]
            if " " not in name and re.match(r" (?!Season|Part|Chapter|Volume)[A-Z][a-z]+ "
                                            r"(?:and|unveil|unveils|share|shares|reveal|"
                                            r"reveals|join|joins|to|in|star|stars)\b", after):
                continue  # "Badhaai Do: Rajkummar Rao and Bhumi Pednekar unveil …": a first
                # name the article also uses alone, not a title
            type_ = "TVSeries" if _HEADLINE_SERIES.match(after) or any(
                _HEADLINE_SERIES.match(doc.text[a + len(name):a + len(name) + 20])
                for a in at) else "Movie"
            work = found or doc.entity(name, type_, "headline-title", name, 0.5)
            for a in at:
                if a not in surname:
                    doc.add_work_span(a, a + len(name), work)
            return


_UNTITLED = re.compile(
    rf"(?:\b(?P<cue>filmmaker|director|writer-director|auteur|showrunner|creator) )?"
    rf"(?P<p>{NAME})[’']s? (?P<adj>next|new|upcoming|untitled|latest)(?: [a-z-]+)? "
    rf"(?P<k>film|movie|feature|series|show|venture|picture)\b")


#: "an upcoming film by David O. Russell": the same, the maker after the work.
_UNTITLED_BY = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir) (?P<adj>next|new|upcoming|untitled|latest)"
    rf"(?: [a-z-]+)? (?P<k>film|movie|feature|series|show) (?:by|from) (?P<p>{NAME})")


#: A company's one-word title set beside "a new film": "Searchlight Pictures’ And, a new
#: film to be directed by Yorgos Lanthimos".
_COMPANY_WORD = re.compile(rf"(?P<own>{POSSESSOR}) (?P<t>[A-Z][\w’'-]*), an? (?:[\w-]+ ){{0,2}}?"
                           rf"(?P<k>film|movie|series|show|feature)\b")


def _company_one_word(doc: Doc) -> None:
    """A one-word title owned by a studio, network or streaming service that an apposition
    says is a work, even a word that is no name elsewhere ("And"); the same words name it
    again."""
    for m in _COMPANY_WORD.finditer(doc.text):
        owner = strip_possessive(m.group("own")).lower()
        if owner not in STUDIOS | NETWORKS | STREAMERS or doc.lookup(m.group("t")) is not None:
            continue
        type_ = "TVSeries" if m.group("k") in ("series", "show") else "Movie"
        phrase = doc.text[m.start():m.end("t")]
        for at in word_at(doc.text, phrase):
            _register(doc, m.group("t"), at + len(phrase) - len(m.group("t")), type_,
                      "company-apposed-title", m.group(0), 0.5)


def _untitled(doc: Doc) -> None:
    """"filmmaker Christopher Nolan’s next film", "David O. Russell’s untitled film", "an
    upcoming film by David O. Russell": a work the article speaks of before it has a title; its maker directs it when the text
    says they are a filmmaker."""
    for m in [*_UNTITLED.finditer(doc.text), *_UNTITLED_BY.finditer(doc.text)]:
        name = doc.trim(m.group("p"))
        full = re.search(rf"\b[A-Z][\w’'.-]+ {re.escape(name)}\b", doc.text) \
            if " " not in name else None
        if full is not None and doc.is_person(full.group(0)):
            name = full.group(0)  # "Anderson’s next directorial venture" after "Wes Anderson"
        if not doc.is_person(name) or doc.work_span_at(m.start("p"), m.end("p")):
            continue
        series = m.group("k") in ("series", "show")
        # "Wes Anderson’s next feature" keeps its noun; a show is a series
        kind = "series" if series else "film" if m.group("k") in ("venture", "picture") \
            else m.group("k")  # "next directorial venture": a film
        # "an upcoming film by David O. Russell, the director of …": a filmmaker
        cue = m.groupdict().get("cue") or re.match(
            r",? (?:the )?(?:director|filmmaker|writer-director)\b", doc.text[m.end():])
        person = doc.entity(name, "Filmmaker" if cue else None, "untitled-work", m.group(0))
        work = doc.derived(f"{slug(name)}-{m.group('adj')}-{kind}",
                           "TVSeries" if series else "Movie",
                           f"{doc.name_of(person)}’s {m.group('adj')} {kind}", "untitled-work",
                           m.group(0))
        doc.add_work_span(m.start("adj"), m.end("k"), work)
        if cue or doc.type_of(person) == "Filmmaker":
            doc.add(work, "creator" if series else "director", m.group(0), m.start(),
                    "untitled-work", 0.6, obj=person)


#: "this new Indian Prime Original series", "an Amazon Prime original": a service's coming
#: work before it has a title.
_SERVICE_ORIGINAL = re.compile(
    r"\b(?:[Aa]n?|[Tt]his|[Tt]he) (?:(?:new|upcoming|untitled|[A-Z][a-z]+) ){0,2}?"
    r"(?P<svc>[A-Z][\w+]*(?: [A-Z][\w+]*){0,2}) [Oo]riginal(?: (?P<k>series|show|film|movie))?\b")
#: Who makes it: "produced by Clean Slate Films", "production house Clean Slate Films".
_SERVICE_MAKER = re.compile(rf"\b(?:produced by|production (?:house|company|banner)) "
                            rf"(?P<c>{NAME})")


def _service_originals(doc: Doc) -> None:
    """"While the clip does not mention the title, it is expected to be an Amazon Prime
    original that the actor’s production house Clean Slate Films is making … Created by
    Sudip Sharma and produced by Clean Slate Films, this new Indian Prime Original series
    would be an investigative thriller": a coming work known by its maker and its service,
    named "<maker> <service> series"; every such phrase names it."""
    found: list[tuple[int, int, str, str | None]] = []
    maker: str | None = None
    for m in _SERVICE_ORIGINAL.finditer(doc.text):
        svc = m.group("svc")
        # "Indian Prime": the service's words at the end ("Prime" of Amazon Prime Video)
        words = svc.lower().split()
        if not any(" ".join(words[i:]) in STREAMERS or " ".join(words[i:]) in s.split()
                   for i in range(len(words)) for s in STREAMERS) or \
                doc.work_span_at(m.start(), m.end()):
            continue
        s = doc.sentence_at(m.start())
        made = _SERVICE_MAKER.search(doc.text, s.start, s.end) if s else None
        if made and maker is None:
            maker = doc.trim(made.group("c"))
        found.append((m.start(), m.end(), svc, m.group("k")))
    if not found or maker is None or doc.is_person(maker):
        return
    series = any(k in ("series", "show") for *_r, k in found) or not any(k for *_r, k in found)
    kind = "series" if series else "film"
    service = found[-1][2].split()[-1]
    company = doc.entity(maker, "ProductionCompany", "service-original", maker)
    work = doc.derived(f"{slug(maker)}-{slug(service)}-{kind}", "TVSeries" if series else "Movie",
                       f"Untitled {maker} {service} Original {kind}", "service-original",
                       doc.text[found[0][0]:found[0][1]])
    for a, b, _svc, _k in found:
        doc.add_work_span(a, b, work)
    a, b, svc, _k = found[-1]
    doc.add(work, "productionCompany", doc.text[a:b], a, "service-original", 0.6, obj=company)
    platform = next((doc.lookup(n) for n in (svc, f"Amazon {svc}", f"{svc} Video",
                                             f"Amazon {svc} Video") if doc.lookup(n)), None)
    if platform is not None and is_a(doc.type_of(platform), "StreamingService"):
        doc.add(work, "streamingOn", doc.text[a:b], a, "service-original", 0.6, obj=platform)


#: "a new film directed by Bart Layton", "The upcoming film will be directed by Trey Edward
#: Shults": a coming work known by its director only.
_UNTITLED_DIRECTED = re.compile(
    rf"\b(?P<det>[Aa]n?|[Tt]he) (?:currently )?(?:new|upcoming|untitled) (?:[a-z-]+ )?"
    rf"(?P<k>film|movie|feature)(?: (?:that |which )?(?:will be|is being|is set to be|is|was)| to "
    rf"be)? (?:directed|helmed) by (?P<p>{NAME})")
#: The same coming work named again: "a new film", "the currently untitled movie".
_UNTITLED_AGAIN = re.compile(r"\b(?:[Aa]n?|[Tt]he) (?:currently )?(?:new|upcoming|untitled) "
                             r"(?:[a-z-]+ )?(?:film|movie|feature)\b")


def _untitled_directed(doc: Doc) -> None:
    """"He is set to star as Billy the Kid in a new film directed by Bart Layton": an
    untitled work named by its director, which a later clause can be about; "Barry Keoghan
    is set to star in a new film with … The upcoming film will be directed by Trey Edward
    Shults": where nothing else could be the film, "a new film" and "the currently
    untitled movie" elsewhere name it too."""
    definite: list[tuple[str, int]] = []
    for m in _UNTITLED_DIRECTED.finditer(doc.text):
        name = doc.trim(m.group("p"))
        if not doc.is_person(name):
            continue
        if m.group("det").lower() == "the" and any(
                a < m.start() and doc.scoping(a, b, w) for a, b, w in doc.work_spans):
            continue  # "the new film directed by …" after a title: that title's
        if any(re.fullmatch(r"[”\"’]?, ", doc.text[b:m.start()]) for _a, b, _w in
               doc.work_spans if m.start() - 4 <= b <= m.start()):
            continue  # "Searchlight Pictures’ And, a new film to be directed by …": the title
        if re.search(r"\b(?:is|was|will be|as)\s$", doc.text[max(0, m.start() - 9):m.start()]):
            continue  # "“And” is a new film directed by …": what the title is
        person = doc.entity(name, "Filmmaker", "untitled-work", m.group(0))
        work = doc.derived(f"untitled-{slug(doc.name_of(person))}-film", "Movie",
                           f"untitled {doc.name_of(person)} film", "untitled-work", m.group(0))
        end = m.start("k") + len(m.group("k"))
        doc.add_work_span(m.start(), end, work)
        if m.group("det").lower() == "the":
            definite.append((work, m.start()))
    if len(definite) != 1:
        return
    work = definite[0][0]
    for m in _UNTITLED_AGAIN.finditer(doc.text):
        if not doc.work_span_at(m.start(), m.end()) and not re.match(
                r" (?:directed|helmed|written|produced) by\b", doc.text[m.end():]):
            doc.add_work_span(m.start(), m.end(), work)


_POINTER = re.compile(r"(?:The|This|That) (?:[a-z-]+ ){0,2}?(?P<k>show|series|film|movie)\b")
_ROLE_BEFORE = re.compile(r"\b(?:plays?|playing|played|starring|stars?|starred|role|recurring|"
                          r"appears?|appeared)\b[^.;]{0,40}\bon (?:[A-Z][\w.-]*[’']s )?[“\"‘]?$")
_CREATOR_AFTER = re.compile(r"[”\"’]?,? (?:creator|showrunner|co-creator)s?\b")
_SEASON_OF_BEFORE = re.compile(r"\bseasons? (?:\w+ )?of [“\"‘]?$")


_QUOTED_SERIES = re.compile(r"[”\"’] series\b")


#: Crew words, and cast words: whose earlier works a sentence's bracketed credits are.
_CREW_WORDS = re.compile(r"\b(?:directed|directors?|[Pp]roducers?|produced|written|writers?|"
                         r"created|creators?|helmed|filmmakers?|showrunners?)\b")
_CAST_WORDS = re.compile(r"\b(?:play|plays|playing|star|stars|starring|cast|as|actors?|"
                         r"actress(?:es)?|voices?|joins|joined)\b")


def _crew_credits(doc: Doc) -> set[str]:
    """The works in brackets after the names of a sentence that speaks of its crew and not
    of its cast: "The series is directed by David Fincher (Gone Girl, The Social Network,
    Zodiac), Asif Kapadia (Amy, Senna)": the filmmakers' own works, which the sentence's
    words about the series do not describe."""
    out: set[str] = set()
    for s in doc.sentences:
        if "(" not in s.text or not _CREW_WORDS.search(s.text) or _CAST_WORDS.search(s.text):
            continue
        out.update(w for w in doc.works_in(s.start, s.end)
                   if w in doc.new and doc.new[w].rule == "bracketed-credits")
    return out


#: "A new six-part police drama", "the four-part docuseries": a run of parts is a series.
_PARTS = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|\d+)-part\b")


def _tv_article(text: str) -> bool:
    """Whether the article is about TV, so that a title its own sentences say nothing of is
    a series: its TV words ("series", "season", "episodes", "a six-part drama") at least
    twice and more than three times its film words. "A new six-part police drama … has started
    filming in Belfast. … cast members for the BBC One NI series … They include Siân
    Brooke (Sherlock, Good Omens), Martin McCann (Marcella, Sentinel)": the actors'
    credits are series; "The Witcher" casting news with one "trilogy" among nine TV
    words too. Not an article that speaks of films as much ("the film series", "a
    sequel … the show")."""
    tv = len(TV_WORDS.findall(text)) + len(_PARTS.findall(text))
    return tv >= 2 and tv > 3 * len(FILM_WORDS.findall(text))


def _series_by_context(doc: Doc) -> None:
    """A new title taken for a film is a TV series when the sentences that name it speak
    of TV and never of film: "New seasons of “The Umbrella Academy” and “Lucifer”",
    "the most popular shows of the last year, including “Bridgerton”, “The Undoing” and
    “Lovecraft Country”", "“Cobra Kai” … saw 50 million member households watch the
    show". Not a filmmaker's earlier works in brackets: "The series is directed by David
    Fincher (Gone Girl, The Social Network, Zodiac)" speaks of the series, not of them."""
    votes: dict[str, list[int]] = {}
    last: str | None = None
    for s in doc.sentences:
        works = set(doc.works_in(s.start, s.end))
        if not works:
            pointer = _POINTER.match(s.text)
            if pointer and last is not None:
                # "“Stranger Things” will return. The show stars …": what "the show" is
                v = votes.setdefault(last, [0, 0])
                v[0 if pointer.group("k") in ("show", "series") else 1] += 1
            continue
        last = next(iter(works)) if len(works) == 1 else None
        tv, film = len(TV_WORDS.findall(s.text)), len(FILM_WORDS.findall(s.text))
        # "Warner Bros.’ ongoing “Conjuring” series": a franchise of films, not TV
        tv -= len(_QUOTED_SERIES.findall(s.text))
        for w in works:
            v = votes.setdefault(w, [0, 0])
            v[0] += tv
            v[1] += film
    shows: set[str] = set()
    for a, b, w in doc.work_spans:
        before, after = doc.text[max(0, a - 60):a], doc.text[b:b + 16]
        if _ROLE_BEFORE.search(before) or _CREATOR_AFTER.match(after) or _SEASON_OF_BEFORE.search(before):
            # "starring as Maeve Millay on Westworld", "House of Cards creator Beau
            # Willimon", "the fifth season of “House of Cards”": a show, whatever films the
            # sentence names besides
            shows.add(w)
    tv_article = _tv_article(doc.text)
    # "… a variety of films including Mission: Impossible 2. Newton most recently starred
    # opposite Chris Pine in the spy thriller All the Old Knives": a paragraph that speaks
    # of film keeps its titles films, whatever the article is about.
    filmic = {w for a, _b, w in doc.work_spans for p in doc.paragraphs
              if p.start <= a < p.end and FILM_WORDS.search(p.text)} if tv_article else set()
    crew_credits = _crew_credits(doc)
    for w, (tv, film) in votes.items():
        e = doc.new.get(w)
        if e is not None and e.type == "Movie" and ((tv and not film) or (
                tv_article and not film and w not in filmic) or w in shows) and \
                e.rule not in ("untitled-work", "derived-work") and not (
                    w in crew_credits and w not in shows) and not re.search(
                    r"-(?:sequel|reboot|remake|prequel)$", w):
            e.type = "TVSeries"


def _owned_remakes(doc: Doc) -> None:
    """"The CW’s Lost Boys" in an article about the CW's reboot of The Lost Boys: a
    company's name before the original's title stands for its remake."""
    for a, b, work in list(doc.work_spans):
        remade = [w for w in doc.new if w.startswith(f"{work}-")
                  and w[len(work) + 1:] in ("reboot", "remake", "revival")]
        if remade and re.search(rf"{POSSESSOR} $", doc.text[max(0, a - 40):a]):
            doc.work_spans.remove((a, b, work))
            doc.work_spans.append((a, b, remade[0]))
            doc.work_spans.sort()


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "final": 0, "new": 0,
             "next": 0, "last": 0, "latest": 0}


def _season_number(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    return _ORDINALS.get(text) or NUMBER_WORDS.get(text) or None


def season_of(doc: Doc, series: str, n: int, quote: str) -> str:
    """The TVSeason "<Series> season N" (or the season of that number the article has
    already named: "Strike Back: Origins")."""
    numbered = {c.subject for c in doc.found.values()
                if c.property == "seasonNumber" and c.value == n}
    named = [c.subject for c in doc.found.values() if c.property == "partOfSeries"
             and c.object == series and c.subject in numbered]
    if named:
        return named[0]
    return doc.derived(f"{series}-season-{n}", "TVSeason", f"{doc.name_of(series)} season {n}",
                       "season", quote)


_SEASON_MENTION = re.compile(rf"(?i:season) {_NUM}\b|\b(?i:the|a|its|their) (?P<o>first|second|"
                             rf"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) "
                             rf"(?:season|(?P<uk>series))\b")


_OF_AFTER_SEASON = re.compile(r" of (?:the )?(?:[A-Z][\w.’']* )?[\"“‘]?")


def _seasons(doc: Doc) -> None:
    """"Wednesday season 2", "season 2 of You", "the first season of the British
    “Strike Back”", "a second season" (of the series in scope): each a TVSeason of its
    series, with its number."""
    for s in doc.sentences:
        for m in _SEASON_MENTION.finditer(s.text):
            n = _season_number(m.group("n") or m.group("o"))
            if not n:
                continue
            if m.group("uk") and re.match(r" (?:of|about|with|from|in which)\b",
                                          s.text[m.end():]):
                continue  # "the first series of films": not a British season
            if m.group("o") and re.search(r"\b(?:marks?|mark|be|is|was|as) $|\band $",
                                          s.text[:m.start()].rstrip("the ").rstrip() + " "):
                continue  # "will mark the fifth season …": which season it is, not another
            # "the first season" alone is less sure: which work's, and is it news?
            sure = not m.group("o") or bool(
                re.match(r" of\b", s.text[m.end():]) or
                re.search(r"\b(?:renew\w*|order\w*|pick(?:ed|s)? up|greenl\w+|commission\w*)\b",
                          s.text) or re.search(r"\bepisodes of $", s.text[:m.start()]))
            a = s.start + m.start()
            before = [(x, y, w) for x, y, w in doc.work_spans if y in (a - 1, a - 4, a - 3)
                      and doc.type_of(w) in ("TVSeries", "Movie") and
                      re.fullmatch(r"[’'\u201d]?(?:[’']s)?[’'\u201d]? ?", doc.text[y:a])]
            after = _OF_AFTER_SEASON.match(s.text[m.end():])
            series: str | None = None
            end = s.start + m.end()
            if before and before[-1][2] in doc.new and \
                    doc.name_of(before[-1][2]).lower() in WEEKDAYS:
                # "Sunday’s season 6 return": the day it aired, when another series is in
                # scope; "Wednesday season 2" stays the series named so.
                other = doc.work_before(before[-1][0], s)
                if other is not None and other != before[-1][2] and \
                        doc.type_of(other) == "TVSeries":
                    day = before[-1][2]
                    doc.work_spans[:] = [sp for sp in doc.work_spans if sp[2] != day]
                    if not any(day in (c.subject, c.object) for c in doc.found.values()):
                        del doc.new[day]
                    before, series = [], other
            if before:
                series, start = before[-1][2], before[-1][0]
                if doc.type_of(series) == "TVSeason":
                    continue  # "Stranger Things 4 … SEASON 4": that season itself
            else:
                start = a
                if after and series is None:
                    at = s.start + m.end() + after.end()
                    # "season 3 of Runaways (based on …)": the title right after "of"
                    bare = s.start + m.end() + (8 if after.group(0).startswith(" of the ")
                                                else 4)
                    later = [(x, y, w) for x, y, w in doc.work_spans if x == at] or [
                        (x, y, w) for x, y, w in doc.work_spans if x == bare]
                    if later:
                        series, end = later[0][2], later[0][1]
                if series is None and not re.match(r"(?i:its|their|his|her)\b", m.group(0)):
                    # "for season 2, “Designated Survivor” will have three new cast
                    # members": a fronted phrase, then the clause's subject, the series
                    # whose season it is (a title standing apart after the comma is the
                    # season's own: "…, “Strike Back: Origins,”")
                    fronted = re.match(r", [“\"‘]?", doc.text[end:])
                    subject = [(x, y, w) for x, y, w in doc.work_spans if fronted and
                               x == end + fronted.end() and not re.match(
                                   r"[”\"’]?\s*(?:[,.;:)]|$)", doc.text[y:y + 3])]
                    if subject and doc.type_of(subject[0][2]) in ("TVSeries", "Movie"):
                        series = subject[0][2]
                        if series in doc.new and doc.type_of(series) == "Movie":
                            doc.new[series].type = "TVSeries"
                if series is None:
                    series = doc.work_before(a, s)
                    if series and doc.type_of(series) == "TVSeason":
                        series = next((c.object for c in doc.found.values() if c.subject ==
                                       series and c.property == "partOfSeries"), None)
                    if series in doc.new and doc.type_of(series) == "Movie" and \
                            doc.new[series].rule in ("quoted-title", "capitalized-name"):
                        doc.new[series].type = "TVSeries"  # a title with seasons is a series
                    if series is None or doc.type_of(series) != "TVSeries":
                        continue
            if doc.type_of(series) == "TVSeason" or re.search(
                    rf"[ (](?:(?:season|series) )?{n}\)?$", doc.name_of(series), re.IGNORECASE):
                continue  # "STRANGER THINGS (SEASON 4)": the season itself, named again
            if doc.type_of(series) == "Movie" and series in doc.new:
                doc.new[series].type = "TVSeries"
            named = re.match(r"(?: of (?:the )?[\w ]{1,30}?)?, [“\"‘]?", doc.text[end:])
            titled = [(x, y, w) for x, y, w in doc.work_spans
                      if named and x == end + named.end() and w in doc.new and w != series
                      and not re.match(r"[”\"’]?(?:[’']s)? (?i:season|series|part) ",
                                       doc.text[y:y + 12])]
            # ("Narcos: Mexico season 3, Big Mouth season 5 and …": a list of seasons,
            # not the season's own title)
            if titled:
                # "the first season of the franchise, “Strike Back: Origins,”": its title.
                season, end = titled[0][2], titled[0][1]
                doc.new[season].type = "TVSeason"
            else:
                season = season_of(doc, series, n, doc.text[start:end])
            quote = doc.text[min(start, a):max(end, s.start + m.end())]
            confidence = 0.75 if sure or titled else 0.45
            doc.add(season, "partOfSeries", quote, min(start, a), "season", confidence,
                    obj=series)
            doc.add(season, "seasonNumber", quote, min(start, a), "season", confidence,
                    value=n)
            doc.add_work_span(min(start, a), max(end, s.start + m.end()), season)


_NEW_SEASONS_OF = re.compile(r"\b[Nn]ew seasons? of\b")


def _new_seasons(doc: Doc) -> None:
    """"New seasons of “The Umbrella Academy” and “Lucifer”": the new season of each
    series, which what follows in the sentence is about."""
    for m in _NEW_SEASONS_OF.finditer(doc.text):
        sentence = doc.sentence_at(m.start())
        if sentence is None:
            continue
        listed = re.match(r"(?:[^,.;]|,(?= (?:and )?[“\"‘]?[A-Z]))*",
                          doc.text[m.end():sentence.end])
        end = m.end() + (listed.end() if listed else 0)
        for a, b, work in doc.works_in_spans(m.end(), end):
            if doc.type_of(work) not in ("TVSeries", "Movie"):
                continue
            if doc.type_of(work) == "Movie" and work in doc.new:
                doc.new[work].type = "TVSeries"
            season = doc.derived(f"{work}-new-season", "TVSeason",
                                 f"{doc.name_of(work)}, new season", "new-season",
                                 doc.text[m.start():b + 1])
            quote = doc.text[m.start():doc.past_quote(b)]
            doc.add(season, "partOfSeries", quote, m.start(), "new-season", 0.6, obj=work)
            doc.replace_span(a, b, season)


#: The number after a title that makes a numbered one ("Creed 2", "Rocky IV").
_NUMBER_AFTER = re.compile(r" (?:[2-9]|II|III|IV)(?![\w’'])")


def _numbered(doc: Doc) -> None:
    """"Creed 2" where "Creed" is a work: the numbered title is a work of its own."""
    for work in {w for _a, _b, w in doc.work_spans}:
        name = doc.name_of(work)
        if doc.type_of(work) not in ("Movie", "MovieSeries") or len(name) < 3:
            continue
        for at in word_at(doc.text, name, before="#"):
            m = _NUMBER_AFTER.match(doc.text, at + len(name))
            if m is not None:
                title = doc.text[at:m.end()]
                _register(doc, title, at, "Movie", "numbered-title", title, 0.6)


#: "who directed American Hustle and Silver Linings Playbook", "previously appeared in
#: Cats and The Giver": a list of earlier works.
_CREDIT_LIST = re.compile(rf"\b(?:directed|helmed|co-directed|created|co-created|wrote|co-wrote|"
                          rf"starred in|appeared in|produced|voiced roles in|the (?:director|"
                          rf"creator|writer|star|co-creator|filmmaker) (?:behind|of)) "
                          rf"(?P<t>{TITLE_WORDS})"
                          rf"(?P<more>(?:, {TITLE_WORDS})*,? and {TITLE_WORDS})")


def _credit_lists(doc: Doc) -> None:
    """Unquoted titles listed as someone's earlier work: "Russell, who directed American
    Hustle and Silver Linings Playbook"; not people ("directed Tom Hanks and Meg Ryan")."""
    for s in doc.sentences:
        for m in _CREDIT_LIST.finditer(s.text):
            raw = [m.group("t"), *re.split(r",\s*(?:and\s+)?|,?\s+and\s+(?=[A-Z“\"‘])",
                                           m.group("more").lstrip(", ").removeprefix("and "))]
            titles = [_clean_title(doc, t) for t in raw]
            if any(t is None or _looks_like_person(doc, t) for t in titles):
                continue
            for title in titles:
                assert title is not None
                at = s.start + s.text.find(title, m.start())
                if doc.work_span_at(at, at + len(title)):
                    continue
                found = doc.lookup(title)
                if found is not None:
                    if doc.type_of(found) in WORK_TYPES:
                        doc.add_work_span(at, at + len(title), found)
                    continue
                if guess_type(title) != "Person":
                    continue
                _register(doc, title, at, "Movie", "credit-list", m.group(0), 0.5)


#: "Joe Wright (Pride & Prejudice, Atonement)", "Filmmaker J.A. Bayona (A Monster Calls,
#: The Impossible)": someone's earlier works in brackets after their name.
_PAREN_CREDITS = re.compile(rf"(?P<p>{NAME}) \((?P<list>{TITLE_WORDS}(?:, {TITLE_WORDS})+)\)")


def _bracketed_credits(doc: Doc) -> None:
    """Two or more titles in brackets after a person's name are that person's earlier
    works (one alone may be the character they play: "Odin (Ian McShane)")."""
    for m in _PAREN_CREDITS.finditer(doc.text):
        person = doc.trim(m.group("p"))
        if not doc.is_person(person) or doc.is_character(person):
            continue
        items = m.group("list").split(", ")
        titles = [_clean_title(doc, t) for t in items]
        if any(t is None or t != raw or _looks_like_person(doc, t) or is_place_or_award(t)
               or t.lower() in KNOWN_NAMES for t, raw in zip(titles, items, strict=True)):
            continue
        at = m.start("list")
        # "directed by Joe Wright (Pride & Prejudice, Atonement)", "Filmmaker J.A. Bayona
        # (A Monster Calls, The Impossible)": a director's films
        cue = re.search(r"(?:\b(?:directed|helmed) by |\b[Ff]ilmmaker |\b[Dd]irector )$",
                        doc.text[max(0, m.start() - 14):m.start() + len(m.group("p"))
                                 - len(person)])
        director = doc.entity(person, "Filmmaker", "bracketed-credits", m.group(0)) \
            if cue else None
        quote_start = m.start() + len(m.group("p")) - len(person) - (
            len(cue.group(0)) if cue else 0)
        for title in titles:
            assert title is not None
            at = doc.text.find(title, at)
            found = doc.lookup(title)
            work = None
            if found is not None:
                if doc.type_of(found) in WORK_TYPES:
                    doc.add_work_span(at, at + len(title), found)
                    work = found
            elif not doc.work_span_at(at, at + len(title)):
                work = _register(doc, title, at, "Movie", "bracketed-credits", m.group(0), 0.5)
            if work is not None and director is not None:
                doc.add(work, "director", doc.text[quote_start:m.end()], quote_start,
                        "bracketed-credits", 0.4, obj=director)
            at += len(title)


#: One person of a list with one bracket after the name: "Aaron Moten (Emancipation)".
_CREDIT_BRACKET = r"[“\"‘]?(?P<t>[A-Z][^()“”\"‘’\d]{1,79})[”\"’]?"
_CREDIT_ITEM = re.compile(rf"(?P<p>{NAME}) \({_CREDIT_BRACKET}\)")
#: Two such people or more, joined by commas and "and".
_CREDIT_RUN = re.compile(rf"{NAME} \({_CREDIT_BRACKET.replace('?P<t>', '')}\)(?:(?:,? and|,) "
                         rf"(?:the late )?{NAME} \({_CREDIT_BRACKET.replace('?P<t>', '')}\))+")
#: Cast words before the list; a voice cast's brackets are characters ("the voice talents
#: of Abbi Jacobson (“Bean”)").
_LIST_CAST_CUE = re.compile(r"\b(?:stars?|starring|starred|co-stars?|cast|ensemble|features|"
                            r"featuring|includes?|including|joins?|joined|joining|alongside|"
                            r"actors?|actresses)\b")
_VOICE_CUE = re.compile(r"\bvoic(?:e|es|ed|ing)\b")
#: A bracket that can only hold a title: three words or more after "The", a small word
#: inside it, a colon or dash, an ampersand ("The Hateful Eight", "The King of Staten
#: Island", "Law & Order: SVU"); not "The Fool", a character.
_SURELY_TITLE = re.compile(r"^(?:The|A|An) [A-Z][\w’'-]* [A-Z]|\s(?i:of|the|and|in|on|at|to|for|"
                           r"from|with|a|an|upon|&)\s|[:–!?]")


def _listed_credits(doc: Doc) -> None:
    """"The series stars Ella Purnell (Yellowjackets), Aaron Moten (Emancipation) and Walton
    Goggins (The Hateful Eight)": in a list of cast, each name with one bracket, the
    brackets are all of a kind. Where one of them can only be a title ("The Hateful
    Eight", or a work the article names) and none is a person's name, each bracket is the
    actor's earlier credit, a work, not the character they play. A new one is a film
    unless the article speaks of TV (``_series_by_context``)."""
    for s in doc.sentences:
        if " (" not in s.text or s.text.count(")") < 2:
            continue
        for run in _CREDIT_RUN.finditer(s.text):
            items = list(_CREDIT_ITEM.finditer(s.text, run.start(), run.end()))
            before = s.text[:run.start()]
            if not _LIST_CAST_CUE.search(before) or _CREW_WORDS.search(before[-60:].lower()):
                continue
            titles = [m2.group("t").strip() for m2 in items]
            if any(_looks_like_person(doc, t) or doc.is_person(t, strict=True) or
                   doc.is_character(t) for t in titles) or sum(
                    doc.is_person(doc.trim(m2.group("p"))) for m2 in items) < len(items) - 1:
                continue  # people, each with a bracket (one name the lexicons miss at most)
            starts = [s.start + m2.start("t") for m2 in items]
            sure = sum(bool(_SURELY_TITLE.search(t)) or doc.type_of(doc.lookup(t)) in WORK_TYPES
                       or doc.work_span_at(a, a + len(t)) is not None
                       for t, a in zip(titles, starts, strict=True))
            given = any(t.split()[0].lower() in FIRST_NAMES for t in titles)
            # a voice cast's brackets are its characters ("(“Bean”)"), and a given name may
            # be one ("(Lucy)"), unless two brackets or more can only be titles
            if sure < (2 if _VOICE_CUE.search(before) or given else 1):
                continue
            for m2, title, at in zip(items, titles, starts, strict=True):
                if "," in title or is_place_or_award(title) or \
                        title.lower() in KNOWN_NAMES or doc.work_span_at(at, at + len(title)):
                    continue  # several credits are _bracketed_credits'
                found = doc.lookup(title)
                if found is not None:
                    if doc.type_of(found) in WORK_TYPES:
                        doc.add_work_span(at, at + len(title), found)
                    continue
                _register(doc, title, at, "Movie", "listed-credits", m2.group(0), 0.5)


_CREDIT = r"\([“\"‘]?[^()“”\"‘’]{2,60}[”\"’]?\)"
#: "Directors Gus Van Sant (The Sea of Trees), Jia Zhang-ke (Mountain May Depart) and
#: Hou Hsiao Hsien": filmmakers listed each with the one work they bring.
_FILMMAKER_LIST = re.compile(
    rf"\b(?P<noun>(?i:(?:co-)?directors|filmmakers|helmers|auteurs))(?: (?:such as|including|"
    rf"like))?:? (?P<list>{NAME} {_CREDIT}(?:,? (?:and )?{NAME}(?: {_CREDIT})?)+)")


def _people_with_credits(doc: Doc) -> None:
    """Filmmakers listed each with a work in brackets (a festival line-up): each work
    is a film they directed, not a character they play."""
    for m in _FILMMAKER_LIST.finditer(doc.text):
        for item in re.finditer(rf"(?P<p>{NAME}) \((?P<t>[^()]+)\)", m.group("list")):
            person = doc.trim(item.group("p"))
            title = _clean_title(doc, item.group("t").strip("“”\"‘’"))
            if title is None or not doc.is_person(person) or _looks_like_person(doc, title) \
                    or is_place_or_award(title) or title.lower() in KNOWN_NAMES:
                continue
            found = doc.lookup(person)
            if found is not None and doc.type_of(found) not in ("Person", "Filmmaker"):
                continue
            at = doc.text.find(title, m.start("list") + item.start("t"))
            work = doc.lookup(title)
            if work is None or doc.type_of(work) not in WORK_TYPES:
                if work is not None or doc.work_span_at(at, at + len(title)):
                    continue
                work = _register(doc, title, at, "Movie", "filmmaker-list", m.group(0), 0.5)
            else:
                doc.add_work_span(at, at + len(title), work)
            director = found or doc.entity(person, "Filmmaker", "filmmaker-list", m.group(0))
            end = m.start("list") + item.end()
            # the list from its noun, or the item alone when the list is long
            start = m.start() if end - m.start() <= 160 else m.start("list") + item.start()
            doc.add(work, "director", doc.text[start:end], start, "filmmaker-list", 0.6,
                    obj=director)


def _looks_like_person(doc: Doc, name: str) -> bool:
    words = name.split()
    found = doc.lookup(name)
    if found is not None:
        return is_a(doc.type_of(found), "Person")
    return 2 <= len(words) <= 3 and words[0].lower() in FIRST_NAMES


#: A company where the text names it: "a script developed by Element Pictures and Film4",
#: "for Film4, which co-financed the project".
_COMPANY_AROUND = (re.compile(r"\b(?:Pictures|Films|Studios?|Entertainment|Media|Television|"
                              r"Productions) and $"),
                   re.compile(r"^,? which (?:also )?(?:co-)?(?:financed|financing|produced|"
                              r"distributed|distributes|developed|acquired)\b"))


def _company_context(text: str, name: str) -> bool:
    return any(_COMPANY_AROUND[0].search(text[max(0, at - 30):at]) or
               _COMPANY_AROUND[1].match(text[at + len(name):at + len(name) + 30])
               for at in word_at(text, name))


_ACTOR_CUE = re.compile(r" (?:star|actress|actor|alum|alumna|breakout|co-star|veteran|"
                        r"creator|co-creator|showrunner|director|helmer|co-writer|writer) "
                        r"[A-Z]")


def _credit_titles(doc: Doc) -> None:
    """"Stranger Things star Finn Wolfhard", "Jane the Virgin actress Gina Rodriguez": an
    unquoted title known by the credit of the person named after it. Not "Disney star",
    "Hollywood actress", "British actor", "Oscar winner"."""
    for s in doc.sentences:
        if not _ACTOR_CUE.search(s.text):
            continue
        for m in _CREDIT_OF.finditer(s.text):
            title = _strip_lead(m.group("t").strip())
            if title is None:
                continue
            title = title.removesuffix("’").removesuffix("'")
            if " in " in title and (title.split()[0].lower() in FIRST_NAMES or doc.is_person(
                    title.split(" in ")[0].split(" and ")[0])):
                # "Melanie Lynskey and Elijah Wood in Blue Ruin star Macon Blair": the people
                # in it, then the title
                title = title.rsplit(" in ", 1)[1]
            parts = title.split(" and ")
            if len(parts) == 2 and _looks_like_person(doc, parts[0]) and \
                    parts[1][:1].isupper() and not (_looks_like_person(doc, parts[1]) and
                                                    parts[1].istitle()):
                # "Get Out star Bradley Whitford and Jane the Virgin actress Jenna Ortega":
                # the person of the credit before, then the title of this one
                first = s.start + s.text.index(title, m.start())
                _credit_title(doc, s, parts[1], first + len(parts[0]) + 5, m.group(0))
                continue
            if len(parts) == 2 and all(
                    p[:1].isupper() and (len(p.split()) >= 2 or doc.lookup(p) is not None)
                    and not re.search(r"[’']s ", p) for p in parts):
                # "Game of Thrones and Downton Abbey star Rose Leslie": two titles, each
                # the person's credit (not "Pride and Prejudice", "Ant-Man and the Wasp")
                first = s.start + s.text.index(title, m.start())
                _credit_title(doc, s, parts[0], first, m.group(0))
                _credit_title(doc, s, parts[1], first + len(parts[0]) + 5, m.group(0))
                continue
            if len(parts) == 2 and re.search(r"[’']s [A-Z]", parts[0]) and \
                    len(parts[1].split()) >= 2 and parts[1][:1].isupper():
                # "Doctor Who's Jodie Whittaker and The Last of Us star Bella Ramsey": a
                # person and her credit, then the title the credit after it is of
                first = s.start + s.text.index(title, m.start())
                _credit_title(doc, s, parts[1], first + len(parts[0]) + 5, m.group(0))
                continue
            _credit_title(doc, s, title, s.start + s.text.index(title, m.start()), m.group(0))


def _credit_title(doc: Doc, s: Sentence, title: str, at: int, quote: str) -> None:
    """Register ``title`` at ``at`` as a work known by a credit, unless it is no title."""
    words = title.split()
    if not words or (words[0] in STOP and not _phrasal(words)) or title.lower() in KNOWN_NAMES or \
            any(w in NATIONALITIES for w in words) or \
            is_place_or_award(title) or (len(words) == 1 and is_nationality(words[-1])) or \
            doc.work_span_at(at, at + len(title)):
        return
    found = doc.lookup(title)
    if found is not None:
        if doc.type_of(found) in WORK_TYPES:
            doc.add_work_span(at, at + len(title), found)
        return
    if guess_type(title) != "Person" or re.search(r"-(?:winning|nominated)\b", title) \
            or _company_context(doc.text, title):
        return
    if len(words) == 1 and at == s.start and not _repeated(doc, title):
        return  # a single word opening the sentence: too little to go on
    _register(doc, title, at, "Movie", "credit-title", quote, 0.45)


def _numbered_titles(doc: Doc) -> None:
    """"Enola Holmes 2 is out Friday, and Extraction 2 and The Gray Man 2 are in the
    works": capitalized words and a sequel number make a title (not "Season 2", "Part 2",
    "May 14", "Top 10")."""
    for m in _NUMBERED.finditer(doc.text):
        title = _strip_lead(m.group("t"))
        if title is None:
            continue
        words = title.split()
        if len(words) < 2 or (words[0] in STOP and words[0] not in ("The", "A", "An")) or \
                len(words) < (3 if words[0] in ("The", "A", "An") else 2) or \
                any(w in _NOT_NUMBERED for w in words) or \
                words[-2].lower() in MONTHS or words[-2].lower()[:3] in {
                    mo[:3] for mo in MONTHS} or guess_type(" ".join(words[:-1])) != "Person":
            continue
        if len(words) == 3 and words[-1] in ("II", "III", "IV") and (
                words[0].lower() in FIRST_NAMES or _person_context(doc.text, title)):
            continue  # "her relationship with Conrad Roy III": a person's name
        at = m.start() + m.group("t").index(title)
        if doc.work_span_at(at, at + len(title)):
            continue
        found = doc.lookup(title)
        if found is not None:
            doc.add_work_span(at, at + len(title), found)
            continue
        _register(doc, title, at, "Movie", "numbered-title", title, 0.5)


def _repeated(doc: Doc, title: str) -> bool:
    """A title named again elsewhere in the text, or in the headline."""
    return len(word_at(doc.text, title)) > 1 or \
        title in doc.article.title


#: A title's last word that makes a phrasal verb of the word before it: "Get Out".
_PARTICLES = {"Out", "Up", "Down", "Off", "Back", "Away", "Over", "In", "On", "Along"}


def _phrasal(words: list[str]) -> bool:
    """Whether a two-word title is a capitalised verb and its particle ("Get Out")."""
    return len(words) == 2 and words[1] in _PARTICLES and words[0][:1].isupper()


def _strip_lead(title: str) -> str | None:
    words = title.split()
    while len(words) > 1 and ((words[0] in STOP and words[0] not in ("The", "A", "An")) or
                               words[0].islower()):
        if _phrasal(words):
            break  # "Get Out star Bradley Whitford": the verb is the title's
        words.pop(0)  # "As for Sense8": "Sense8"
    if len(words) > 2 and words[0].isdigit() and words[1] == "of":
        words = words[2:]  # "Day 1 of Pose season 3": the series is Pose
    return " ".join(words) or None


_SEQUEL_MENTION = re.compile(rf"(?:{TITLE} sequel|\ba sequel\b|\bthe sequel\b)", re.IGNORECASE)


def rule_sequel(doc: Doc, s: Sentence) -> None:
    """"Netflix has already greenlit a sequel": the sequel of the work in scope."""
    for m in _SEQUEL_MENTION.finditer(s.text):
        if re.match(r" (?:to|of)\b", s.text[m.end():]):
            continue  # "the sequel to Creed": rule_derived_work
        gap = len(s.text[m.end():]) - len(s.text[m.end():].lstrip(" ,“\"‘"))
        if not m.group("t") and any(a == s.start + m.end() + gap for a, _b, _w in doc.work_spans):
            continue  # "The sequel “Beetlejuice Beetlejuice”": the title is the sequel
        film = m.group("t") and doc.lookup(m.group("t"))
        in_sentence = [w for a, _b, w in doc.work_spans if s.start <= a < s.start + m.start()]
        if not film and m.group(0).lower() == "the sequel":
            # "the sequel": a numbered one named just before in the paragraph, else the
            # one the article is about
            film = doc.numbered_before(s.start + m.start()) or doc.main_film
        film = film or (in_sentence[-1] if in_sentence else doc.main_film)
        numbered = film and re.fullmatch(r"(?P<b>.+?):? (?:[2-9]|II|III|IV)", doc.name_of(film))
        if numbered and m.group(0).lower() == "the sequel":
            # "Deadpool 2 … Reynolds will return in the sequel": the work is the sequel.
            base = doc.lookup(numbered.group("b"))
            if film and base and base != film:
                doc.add(film, "sequelOf", s.text, s.start, "the-sequel", 0.65, obj=base)
            continue
        if film is None or (doc.type_of(film) or "") != "Movie" or film.endswith("-sequel") \
                or numbered:
            continue
        if m.group(0).lower() == "the sequel" and film == doc.main_film and \
                doc.predecessor(film) is not None:
            continue  # "Jurassic World: Fallen Kingdom, the sequel to …": it is one
        sequel = doc.sequel_of(film, s)
        named = film in doc.works_in(s.start, s.end)
        doc.add(sequel, "sequelOf", s.text, s.start, "sequel", 0.7 if named else 0.5, obj=film)
        g = re.search(rf"(?P<o>{NAME}) (?:has )?(?:already )?greenlit (?:a|the) sequel",
                      s.text)
        if g:
            org = doc.entity(g.group("o"), "Organization", "greenlit", g.group(0))
            doc.add(sequel, "greenlitBy", g.group(0), s.start + g.start(), "greenlit",
                    0.8, obj=org)


_STATUS = [
    (re.compile(r"\b(?:has|have) (?:already )?been commissioned\b|\bwas commissioned\b"),
     "commissioned"),
    (re.compile(r"\b(?:(?:is|are|was) (?:still )?(?:actively )?working on|(?:continuing|continue) to "
                r"work on developing|(?:is|are) developing|(?:is|are) in (?:active )?development "
                r"(?:on|of))\b"), "in development"),
]


_STATUS_CUE = re.compile(r"\bsequel|\breboot|\bfollow-up")


def rule_status(doc: Doc, s: Sentence) -> None:
    """"a sequel has already been commissioned", "Netflix are still actively working on a
    sequel": the development status of the sequel in scope."""
    if not _STATUS_CUE.search(s.text):
        return
    for pattern, status in _STATUS:
        m = pattern.search(s.text)
        if not m:
            continue
        derived = [w for a, _b, w in doc.work_spans if s.start <= a < s.end
                   and (re.search(r"-(?:sequel|reboot)$", w) or any(
                       c.subject == w and c.property in ("sequelOf", "basedOn")
                       for c in doc.found.values()))]
        target = derived[0] if derived else None
        if target is None:
            base = doc.work_before(s.start + m.start(), s)
            if base is None or doc.type_of(base) != "Movie":
                continue
            target = doc.sequel_of(base, s)
        clause = re.search(r"[^,;“”\"]*" + re.escape(m.group(0)) + r"[^,;.“”\"]*", s.text)
        quote = clause.group(0).strip() if clause else m.group(0)
        doc.add(target, "developmentStatus", quote, s.start + s.text.find(quote),
                "status", 0.6, value=status)
        producer = re.match(rf"(?P<o>{NAME}) (?:is|are)\b", quote)
        org = doc.lookup(producer.group("o")) if producer else None
        if org and is_a(doc.type_of(org), "Organization"):
            doc.add(target, "productionCompany", quote, s.start + s.text.find(quote),
                    "status", 0.55, obj=org)


_IN_PRODUCTION = re.compile(
    r"\b(?:is|are|was|were) (?:(?:now|currently|officially|already|still) )*[“\"]?"
    r"(?:officially )?in production\b|"
    r"\b[Pp]roduction (?:on|for) (?P<on>[^,.;]{2,80}?) (?:is|has) (?:(?:now|officially|"
    r"finally|already) )*"
    r"(?:underway|under way|begun|started|kicked off)\b|"
    r"\b(?:has|have) (?:officially )?(?:kicked off|started|begun) (?:filming|shooting|"
    r"production) (?:for|on) (?P<for>[^,.;]{2,60})")


_PRODUCTION_CUE = re.compile(r"(?i)production|filming|shooting")


def in_production(doc: Doc) -> None:
    """"season 3 was “officially in production”", "Production for Outer Range season 2 is
    officially underway", "The Handmaid's Tale has kicked off filming for the sixth and final
    season", "Wes Anderson’s next feature, which is currently in production in Spain": the
    work (or season) being made. Read after every sentence's seasons and works."""
    for s in doc.sentences:
        if not _PRODUCTION_CUE.search(s.text):
            continue
        for m in _IN_PRODUCTION.finditer(s.text):
            group = "on" if m.group("on") else "for" if m.group("for") else None
            inside = m.start(group) if group else None
            named = doc.works_in_spans(s.start + inside, s.start + m.end()) \
                if inside is not None else []
            work = named[-1][2] if named else doc.work_at(s.start + m.start(), s)
            if work is None or doc.type_of(work) not in WORK_TYPES:
                continue
            said = re.search(rf"season {_NUM}\b|\b(?P<o>first|second|third|fourth|fifth|"
                             rf"sixth|seventh|eighth|ninth|tenth)\b[\w ]{{0,12}}\bseason\b",
                             m.group("on") or m.group("for") or "", re.IGNORECASE)
            if said and doc.type_of(work) != "TVSeason":
                # "Production on Season Two of … “Severance”", "filming for the sixth and
                # final season": that season of the series
                n = _season_number(said.group("n") or said.group("o"))
                if not n:
                    continue
                work = season_of(doc, doc.series_of(work) or work, n, m.group(0))
            elif re.search(r"(?i)\bseason\b", m.group("on") or m.group("for") or "") and \
                    doc.type_of(work) != "TVSeason":
                continue  # "Production on the final season": a season without its number
            clause = re.search(r"[^,;“”\"]*" + re.escape(m.group(0)) + r"[^,;.]*", s.text)
            quote = (clause.group(0) if clause else m.group(0)).strip()
            doc.add(work, "developmentStatus", quote, s.start + s.text.find(quote),
                    "in-production", 0.6, value="in production")


_IN_DEVELOPMENT = re.compile(r"sequel (?:is|was) in [\"“]?(?:full )?development(?:[\"”]? at "
                             rf"(?P<o>{NAME}))?", re.IGNORECASE)


def rule_development(doc: Doc, s: Sentence) -> None:
    """"the sequel is in "full development" at Netflix"."""
    m = _IN_DEVELOPMENT.search(s.text)
    if not m or doc.main_film is None:
        return
    sequel = doc.sequel_of(doc.main_film, s)
    doc.add(sequel, "developmentStatus", m.group(0), s.start + m.start(),
            "in-development", 0.8, value="in development")
    if m.group("o"):
        org = doc.entity(m.group("o"), "Organization", "development-at", m.group(0))
        doc.add(sequel, "productionCompany", m.group(0), s.start + m.start(),
                "development-at", 0.6, obj=org)


_GENRE_WORDS = {
    "action", "comedy", "action-comedy", "rom-com", "romantic", "romance", "drama", "thriller",
    "horror", "sci-fi", "science", "fiction", "fantasy", "superhero", "spy", "crime", "true",
    "doc", "documentary", "docuseries", "historical", "military", "supernatural", "stalker",
    "animated", "musical", "mystery", "western", "war", "detective", "teen", "family", "heist",
    "psychological", "dystopian", "period", "legal", "medical", "political", "procedural",
    "sitcom", "anthology", "biopic", "adventure", "slasher", "zombie", "vampire",
    "coming-of-age", "satirical", "dark", "black", "dramedy", "noir", "disaster", "monster",
    "martial", "arts", "sports", "dance", "crime-drama", "kids", "children's", "reality",
    "epic", "post-apocalyptic", "apocalyptic", "young", "adult", "cgi-animated",
    "science-fiction", "courtroom", "paranormal", "time", "travel", "time-travel", "prison",
    "investigative", "gangster", "survival", "buddy", "cop", "space"}
_WORK_NOUNS = r"film|movie|series|show|sequel|reboot|feature|franchise|flick|prequel|remake"
_DETERMINER = re.compile(rf"\b(?:[Tt]he|[Aa]n?|{POSSESSOR}) ")
_GENRE = re.compile(r"(?:\d{4} )?(?P<g>(?:[A-Z][a-z]+-winning )?[a-z][\w/'-]*(?: [a-z][\w/'-]*){0,3})"
                    r"(?=[ ,.;:”\"]|$)")


_GENRE_LEAD = re.compile(r"[\w-]+-winning|acclaimed|hit|popular|beloved|long-running|upcoming|new|"
                         r"critically-acclaimed|smash|cult")
_GENRE_END = re.compile(_WORK_NOUNS)
_GENRE_WORD_BREAK = re.compile(r"[ /]")


_WORK_NOUN = re.compile(_WORK_NOUNS)


def rule_genre(doc: Doc, s: Sentence) -> None:
    """"the action-comedy “Hidden Strike,”", "the spy thriller All the Old Knives", "The
    supernatural show", "Bright, the 2017 fantasy/sci-fi/detective/action thriller": the
    genre of the work named next to it, else of the work in scope."""
    for det in _DETERMINER.finditer(s.text):
        m = _GENRE.match(s.text, det.end())
        if m is None:
            continue
        phrase = m.group("g").split()
        skipped = 0
        while len(phrase) > 2 and _GENRE_LEAD.fullmatch(phrase[0]):
            skipped += len(phrase.pop(0)) + 1  # "the Emmy-winning fantasy drama"
        while len(phrase) > 1 and phrase[-1] not in _GENRE_WORDS and not _GENRE_END.fullmatch(phrase[-1]):
            phrase.pop()  # "the spy thriller set in …"
        noun = phrase.pop() if len(phrase) > 1 and _WORK_NOUN.fullmatch(phrase[-1]) \
            else None
        genre = " ".join(phrase)
        words = _GENRE_WORD_BREAK.split(genre)
        if not all(w in _GENRE_WORDS for w in words) or words == ["true"]:
            continue
        end = s.start + m.start("g") + skipped + len(" ".join(phrase + ([noun] if noun else [])))
        if noun is None and words[-1] not in (
                "comedy", "drama", "thriller", "doc", "documentary", "action-comedy",
                "rom-com", "dramedy", "docuseries", "sitcom", "horror", "biopic", "western",
                "musical", "romance", "mystery", "procedural", "anthology", "noir",
                "adventure", "epic"):
            continue
        after = re.match(r",?[ “\"‘]*", doc.text[end:])  # "thriller series, The Veil"
        at = end + (after.end() if after else 0)
        named = [w for x, _y, w in doc.work_spans if x == at]
        at0 = s.start + det.start()
        gap = re.search(r"[”\"’]?, $", doc.text[max(0, at0 - 3):at0])
        before = [w for _x, y, w in doc.work_spans if gap and y == at0 - len(gap.group(0))]
        work: str | None
        if named:
            work = named[0]
        elif before:
            work = before[-1]
        elif noun or (det.group(0)[:3].lower() == "the" and (
                len(words) > 1 or re.match(r" (?:set|created|from|that|which|starring|about|"
                                           r"based)\b", doc.text[end:]))):
            # "The supernatural show created by …", "the historical drama set in …".
            work = doc.work_before(end, s)
        else:
            continue
        if work is None:
            continue
        if not named and not before and noun is not None and (
                re.fullmatch(r"franchises?|sagas?|trilog(?:y|ies)", noun)
                and doc.type_of(work) != "MovieSeries"):
            continue  # "the action franchise": not the genre of the film in scope
        para = doc.paragraph_at(s.start, 1)
        said = doc.text[para.start if para else s.start:s.start + det.start()]
        if not named and not before and (said.count('"') % 2 or
                                         said.count("“") > said.count("”")):
            continue  # "I actually just finished a horror film", said: another work
        inside = [w for x, y, w in doc.work_spans if x < s.start + det.start() and end <= y
                  and w == work]
        if inside and re.search(r"\bof $", doc.text[:s.start + det.start()]):
            # "a reboot of the military action series": the genre of what is rebooted.
            work = next((c.object for c in doc.found.values() if c.subject == work and
                         c.property in ("basedOn", "sequelOf") and c.object), work)
        if doc.type_of(work) == "TVSeason":
            work = doc.series_of(work) or work  # a genre is the series'
        quote_end = next((y for x, y, w in doc.work_spans if x == at), end)
        start = s.start + det.start()
        if before and not named:
            start = next(x for x, y, w in doc.work_spans if w == before[-1] and y <= start)
        doc.add(work, "genre", doc.text[start:quote_end + 1 if doc.text[quote_end:quote_end + 1]
                                       in "”\"’" else quote_end],
                start, "genre", _genre_confidence(genre, 0.6), value=genre)


_KIND_BEFORE = re.compile(
    r"(?:^|(?<=\s))(?P<g>(?:[A-Za-z][\w-]* ){0,2}?)(?P<noun>(?:[a-z]+-)?(?:movies?|films?|"
    r"series|shows?|documentar(?:y|ies)|docuseries|thrillers?|comed(?:y|ies)|dramas?|epics?|"
    r"adventures?|sitcoms?|[Ww]esterns?|musicals?|pics|flicks?|stories|anime|blockbusters?|"
    r"entry|satires?|horror|traged(?:y|ies)))"
    r"(?: such as| like| including)?,? "
    r"[“\"‘]?$")
_NOUN_GENRE = {"documentary": "documentary", "documentaries": "documentary",
               "docuseries": "docuseries", "thriller": "thriller", "thrillers": "thriller",
               "comedy": "comedy", "comedies": "comedy", "drama": "drama", "dramas": "drama",
               "sitcom": "sitcom", "sitcoms": "sitcom", "epic": "epic", "epics": "epic",
               "adventure": "adventure", "adventures": "adventure", "western": "western",
               "westerns": "western", "musical": "musical", "musicals": "musical",
               "anime": "anime", "satire": "satire", "satires": "satire", "horror": "horror",
               "tragedy": "tragedy", "tragedies": "tragedy"}


#: What follows a title in apposition: "“A Dog’s Way Home,” a Sony Pictures family movie
#: about a lost dog", "“Replicas,” a sci-fi from Entertainment Studios", "“Glass,” a
#: Universal Pictures mystery by M. Night Shyamalan", "See, an epic drama starring …".
_KIND_AFTER = re.compile(
    rf"^(?:[”\"’],?|,[”\"’]?) an? (?:(?P<org>[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){{0,3}}) )?"
    rf"(?P<g>(?:[a-z][\w-]* ){{0,3}}?)(?P<noun>(?:[a-z]+-)?(?:movie|film|feature|series|show|"
    rf"mystery|sci-fi|thriller|comedy|drama|documentary|docuseries|horror|western|musical|"
    rf"biopic|dramedy|rom-com|sitcom|animated film|epic))\b(?:,? (?:from|by) (?P<org2>{NAME}))?")
#: "“On the Basis of Sex,” from Universal’s Focus Features", "The Apollo from HBO
#: Documentary Films": the company a title comes from.
_FROM_COMPANY = re.compile(rf"^(?:[”\"’],?|,[”\"’]?)? from (?:(?P<parent>{NAME})[’']s? )?"
                           rf"(?P<org>{NAME})")
#: Further genre words after the first, up to a kind noun: " fantasy series", "-adventure film".
_GENRE_GOES_ON = re.compile(r"((?:[ -][a-z][a-z-]*){1,2}) (?:series|film|movie|show|feature)\b")
_GENRE_NOUNS = {"mystery", "sci-fi", "thriller", "comedy", "drama", "documentary",
                "docuseries", "horror", "western", "musical", "biopic", "dramedy", "rom-com",
                "sitcom", "epic"}


#: Words before a kind that name its medium, not who makes it: "a TV show", "a Web series".
_MEDIUM_WORDS = {"TV", "TELEVISION", "WEB", "CABLE", "RADIO", "STREAMING", "NETWORK",
                 "BROADWAY", "FILM", "MOVIE", "IMAX", "3D", "CGI", "HD", "4K"}


def rule_kind_after_title(doc: Doc, s: Sentence) -> None:
    """A title, then what kind of work it is, from which company: its genre and its
    production company (a streaming service's: where it streams); a title "from" a
    company: its production company."""
    for a, b, work in doc.works_in_spans(s.start, s.end):
        if doc.type_of(work) not in ("Movie", "TVSeries"):
            continue
        source = _FROM_COMPANY.match(doc.text[b:min(s.end, b + 120)])
        if source:
            name = source.group("org")
            found = doc.lookup(name)
            kind = doc.type_of(found) if found else guess_type(name)
            if is_a(kind, "Organization") and not is_a(kind, "NewsMediaOrganization") and \
                    name.lower() not in NETWORKS and name.lower() not in STREAMERS:
                org = found or doc.entity(name, kind, "title-from", source.group(0))
                doc.add(work, "productionCompany", doc.text[a:b + source.end()], a,
                        "title-from", 0.55, obj=org)
        m = _KIND_AFTER.match(doc.text[b:min(s.end, b + 120)])
        if not m:
            continue
        words = [w for w in m.group("g").split() if w in _GENRE_WORDS]
        if len(words) != len(m.group("g").split()) and words:
            words = words[-1:]  # "a lost family movie": only the genre words next to it
        noun = m.group("noun")
        is_genre = noun in _GENRE_NOUNS
        if "-" in noun and not is_genre:
            # "“Beirut,” an action-thriller": a genre word joined to the kind noun
            prefix, base = noun.rsplit("-", 1)
            if not all(_genre_word(p) for p in prefix.split("-")):
                continue  # "a low-budget film": no genre, and no kind of its own
            is_genre = base in _GENRE_NOUNS
            if not is_genre:
                noun = base  # "a horror-comedy film" reads on from "horror-comedy"
        genre = " ".join([*words, noun] if is_genre else words)
        end = b + m.end()
        more = _GENRE_GOES_ON.match(doc.text[end:min(s.end, end + 60)])
        if genre and noun in _GENRE_NOUNS and not m.group("org2") and more and \
                all(_genre_word(w) for w in re.split(r"[ -]", more.group(1).strip(" -"))):
            # "an adult animated comedy fantasy series", "a coming-of-age drama-adventure
            # film": the genre goes on to the kind noun
            genre += more.group(1)
            end += more.end(1)
        quote = doc.text[a:end]
        if genre:
            doc.add(work, "genre", quote, a, "kind-after-title", _genre_confidence(genre, 0.55),
                    value=genre)
        for name in (m.group("org"), m.group("org2")):
            if not name:
                continue
            name = name.rstrip(".,") if not name.endswith("Bros.") else name
            if name.upper() in _MEDIUM_WORDS:
                continue  # "“Dead Boy Detectives,” a TV show": the medium, no company
            found = doc.lookup(name)
            kind = doc.type_of(found) if found else guess_type(name)
            if not is_a(kind, "Organization") or is_a(kind, "NewsMediaOrganization") or \
                    is_a(kind, "SocialMediaPlatform"):
                continue
            key = name.lower()
            prop = "airsOn" if key in NETWORKS else (
                "streamingOn" if key in STREAMERS or is_a(kind, "StreamingService") else
                "productionCompany")
            org = found or doc.entity(name, kind, "kind-after-title", quote)
            doc.add(work, prop, quote, a, "kind-after-title", 0.55, obj=org)


def _genre_word(word: str) -> bool:
    """"thriller", "science-fiction" (each part a genre word), "CGI-animated"."""
    return word in _GENRE_WORDS or ("-" in word and all(
        part in _GENRE_WORDS or part == "cgi" for part in word.split("-")))


#: Words before a kind noun that praise or place a work rather than say its genre.
_NOT_GENRE = {
    "hit", "new", "upcoming", "latest", "buzzy", "acclaimed", "popular", "beloved",
    "original", "most", "watched", "highly", "anticipated", "forthcoming", "next", "first",
    "last", "final", "long-running", "award-winning", "oscar-winning", "emmy-winning",
    "critically", "successful", "smash", "breakout", "big", "biggest", "top", "best",
    "favorite", "favourite", "classic", "cult", "iconic", "recent", "star-studded",
    "high-profile", "low-budget", "big-budget", "untitled", "feature", "feature-length",
    "returning", "current", "previous", "former", "other", "another", "same", "own", "only",
    "several", "many", "few", "two", "three", "four", "five", "series", "limited", "short",
    "live-action", "english-language", "non-english", "foreign", "local", "ongoing", "surprise", "global", "viral", "record-breaking", "sleeper", "hot", "rival",
    "star", "major", "key", "lead", "leading", "well-received", "its", "their",
    "his", "her", "the", "a", "an", "this", "that", "these", "those", "and", "or", "of",
    "about", "such", "like", "including", "with", "from", "for", "to", "in", "on", "by",
    "has", "had", "have", "is", "was", "will", "be", "been", "excellent", "gripping", "mushy",
    "stunning", "brilliant", "great", "good", "beautiful", "compelling", "chilling",
    "riveting", "terrifying", "hilarious", "heartwarming", "quirky", "twisty", "addictive",
    "bingeable", "delightful", "wonderful", "ambitious", "intense", "powerful", "moving",
    "touching", "fun", "funny", "sweet", "charming", "sprawling", "smart", "clever", "bold",
    "celebrated", "lauded", "praised", "divisive", "controversial", "hyped", "much-hyped",
    "troubled", "expensive", "massive", "huge", "little", "small", "tiny",
    "wild", "weird", "strange", "gorgeous", "lavish", "prestige", "flagship", "signature",
    # a tone, a rating or a season of its run, which the curators leave out of the genre:
    # "broody drama One Child" (drama), "dark jailhouse comedy" (jailhouse comedy),
    # "R-rated comedy Good Boys" (comedy), "freshman dramas NCIS: NEW ORLEANS" (drama)
    "dark", "broody", "brooding", "moody", "bleak", "gritty", "r-rated", "pg-13", "x-rated",
    "freshman", "sophomore", "bizarre",
    # words that tie the noun into the clause, not describe it: "Sean Penn whose drama Flag
    # Day", "this month while comedy “The Fabulous Four”"
    "whose", "which", "while", "when", "where", "as", "at", "after", "before", "than",
    "month", "week", "weekend", "year", "season",
}
#: A compound that rates, times or shoots a work, no part of its genre: "all-new drama
#: UnREAL", "the fan-favorite medical drama", "the one-hour documentary Stalkers",
#: "black-and-white biographical drama", "the four-part character-led thriller".
_PRAISING_COMPOUND = re.compile(
    r"^(?:all|fan|much|half|one|two|three|four|five|six|seven|eight|nine|ten|twelve)-|"
    r"-(?:new|favou?rite|hour|part|episode|minute|and-white|loved|awaited)$")


_NOT_PRAISE_ENDING = re.compile(r"ly$|est$|\d")
_COMPOUND_CREDIT = re.compile(r"-(?:led|created|directed|produced|winning|nominated|backed|starring|"
                              r"fronted|helmed|written)$")


def _praising(word: str) -> bool:
    """"hit", "Netflix", "created", "Lopez-led", "picture-winning": a word that praises,
    places or credits a work, no part of its genre."""
    low = word.lower()
    if low in _NOT_GENRE or _NOT_PRAISE_ENDING.search(low):
        return True
    if _COMPOUND_CREDIT.search(low) or _PRAISING_COMPOUND.search(low):
        return True
    if "-" in word and not _genre_word(low) and all(p[:1].isupper() for p in word.split("-")):
        return True  # "Mexican-American adventure thriller": where it is from
    if "-" not in word and low.endswith(("ed", "s")) and not _genre_word(low):
        return True  # "created", "renewed", "brings"
    return word[:1].isupper() and "-" not in word and not _genre_word(low) and \
        not re.fullmatch(r"YA|LGBTQ\+?", word)


def _described_genre(words: list[str], noun: str) -> list[str]:
    """The genre a kind noun's describing words give, whole: "espionage thriller",
    "middle school comedy", "Regency-era drama", "semi-animated comedy series" ->
    "semi-animated comedy", "YA romance series" -> "YA romance" — words that praise or
    place the work ("hit", "new", "Netflix") left out; [] when nothing describes a genre
    (the noun is no genre itself and no word is one)."""
    kept = list(words)
    while kept and _praising(kept[0]):
        kept.pop(0)
    if not kept or any(_praising(w) for w in kept) or all(_genre_word(w.lower()) for w in kept):
        return []  # all genre words: the rule's own reading
    if noun in _NOUN_GENRE or _genre_word(kept[-1].lower()) or \
            _genre_word(kept[-1].lower().rsplit("-", 1)[-1]):
        return kept  # the noun, when a genre, is added by the rule
    return []


_LISTED_BEFORE = re.compile(r"[”\"’](?: \([^()]{0,40}\))?,? (?:and )?[“\"‘]$|[”\"’]? and [“\"‘]?$")


def rule_kind_before_title(doc: Doc, s: Sentence) -> None:
    """"Action movie “The Old Guard”", "Their hit reality series “Indian Matchmaking”",
    "their two most watched documentaries, “American Murder” and “The Social Dilemma”",
    "the filmmaker’s best picture-winning historical epic ‘Oppenheimer’": the genre the
    words right before a title give it (and the titles listed with it)."""
    last: tuple[int, str] | None = None
    for a, b, work in doc.works_in_spans(s.start, s.end):
        before = doc.text[s.start:a]
        # "“American Murder: The Family Next Door” (52 million) and “The Social Dilemma”"
        listed = _LISTED_BEFORE.search(before)
        if last is not None and listed and last[0] >= len(before) - 8 - len(listed.group(0)):
            genre = last[1]
        else:
            m = _KIND_BEFORE.search(before[-60:])
            if not m:
                last = None
                continue
            words = [w.lower() for w in m.group("g").split()]
            first = next((i for i, w in enumerate(words) if _genre_word(w)), len(words))
            national = first > 0 and re.search(r"(?:ean|ish|ian|ese)$", words[first - 1]) \
                is not None
            noun = m.group("noun").lower()
            compound = None
            if "-" in noun:
                # "the action-thriller “Beirut”", "Universal’s horror-satire The Hunt", "the
                # teen drama-comedy “Love, Victor”": the kind noun joined to a genre word
                compound, noun = noun.rsplit("-", 1)
                if not all(_genre_word(p) for p in compound.split("-")) or \
                        noun not in _NOUN_GENRE:
                    last = None
                    continue
            elif noun in ("satire", "satires", "horror", "tragedy", "tragedies") and \
                    not m.group("g").strip():
                last = None
                continue  # "horror Annabelle": only with words before it
            described = _described_genre(m.group("g").split(), noun)
            while words and not _genre_word(words[0]):
                words.pop(0)  # "hit", "two most watched"
            if described:
                words = described  # "espionage thriller", "semi-animated comedy series"
            elif any(not _genre_word(w) for w in words):
                last = None
                continue
            if noun in ("pics", "flicks", "flick", "stories", "blockbuster",
                        "blockbusters", "entry") and not words:
                last = None
                continue  # "action pics": a genre word is needed
            genre = " ".join(words) if words else _NOUN_GENRE.get(noun, "")
            if national and (words == ["drama"] or (not words and noun.startswith("drama"))):
                last = None
                continue  # "the Korean drama series": a country's TV drama, no genre
            if words and noun in _NOUN_GENRE and noun not in ("epic", "epics"):
                genre = f"{genre} {_NOUN_GENRE[noun]}"
            elif words and noun in ("epic", "epics"):
                genre = f"{genre} epic"
            if compound is not None:
                genre = " ".join([*words, f"{compound}-{_NOUN_GENRE[noun]}"])
            if not genre:
                last = None
                continue
        phrase = re.search(rf"(?i)\b(?:{re.escape(genre.split()[0])})[^“\"‘]*?[“\"‘]?$", before)
        start = s.start + phrase.start() if phrase else a
        end = doc.past_quote(b)
        doc.add(work, "genre", doc.text[start:end], start, "kind-before-title",
                _genre_confidence(genre, 0.55), value=genre)
        last = (len(doc.text[s.start:b]), genre)


#: "Documentaries from the US and world categories include …": a sentence that opens with
#: a plural genre noun and lists works.
_GENRE_LIST = re.compile(r"^(?:The |Its |Their )?(?P<noun>[Dd]ocumentaries|[Cc]omedies|[Tt]hrillers|"
                         r"[Dd]ramas|[Ww]esterns|[Mm]usicals|[Ss]itcoms)\b[^.;:]{0,60}?\b"
                         r"(?:include|includes|included|including|are)\b")


def rule_genre_list(doc: Doc, s: Sentence) -> None:
    """"Documentaries from the US and world categories include Cartel Land director Matthew
    Heineman’s ISIS protest film City Of Ghosts, …, Jiu-liang Wang’s Plastic China, and Last
    Men In Aleppo": each work listed is of that genre (not a title named as a person's
    earlier credit)."""
    m = _GENRE_LIST.match(s.text)
    if not m:
        return
    genre = _NOUN_GENRE[m.group("noun").lower()]
    for _a, b, work in doc.works_in_spans(s.start + m.end(), s.end):
        if doc.type_of(work) not in ("Movie", "TVSeries") or CREDIT_AFTER.match(doc.text, b):
            continue
        doc.add(work, "genre", doc.text[s.start:doc.past_quote(b)], s.start, "genre-list", 0.5,
                value=genre)


#: "The thriller is now the most viewed French show": a sentence whose subject is a
#: genre noun that points back to the work in scope.
_GENRE_SUBJECT = re.compile(
    r"^The (?P<g>(?:(?:[a-z-]+) ){0,2}(?:thriller|comedy|drama|documentary|docuseries|sitcom|"
    r"dramedy|biopic|musical|western|rom-com|horror film|animated film|anime))(?:,| (?:is|was|"
    r"has|had|will|follows|stars|tells|sees|became|earned|scored|drew|debuted|premiered|"
    r"currently|also|now|went)\b)")


#: "The Flight Attendant is a dark comedy thriller": a title, then the genre it is.
_IS_GENRE = re.compile(r"[”\"’]?,? (?:is|was) (?:an?|the) (?:new |upcoming |hit |acclaimed )?"
                       r"(?P<g>(?:[\w-]+ ){0,3}(?:thriller|comedy|drama|documentary|docuseries|"
                       r"sitcom|dramedy|biopic|musical|western|horror|anime|series|film|movie|"
                       r"show))\b(?![-’'])")


def rule_title_is_genre(doc: Doc, s: Sentence) -> None:
    """"The Flight Attendant is a dark comedy thriller that follows Cassie Bowden": the
    genre a sentence says the title just named is (its genre words only: "a crime drama
    series" is a crime drama; "a new series" gives none)."""
    for a, b, work in doc.works_in_spans(s.start, s.end):
        m = _IS_GENRE.match(doc.text, b, s.end)
        if not m or doc.type_of(work) not in ("Movie", "TVSeries", "TVSeason"):
            continue
        words = m.group("g").split()
        if words[-1] in ("series", "film", "movie", "show"):
            words = words[:-1]
        if not words or not all(_genre_word(w) for w in words) or \
                words[-1] in ("dark", "black", "true", "young", "adult", "time", "science"):
            continue
        subject = doc.series_of(work) if doc.type_of(work) == "TVSeason" else work
        if subject is not None:
            doc.add(subject, "genre", doc.text[a:m.end()], a, "title-is-genre", 0.6,
                    value=" ".join(words))


def rule_genre_subject(doc: Doc, s: Sentence) -> None:
    """"The thriller is now the most viewed French show on the streaming platform" (after
    "new French series ‘Lupin’"): the genre of the work the sentence goes on about."""
    m = _GENRE_SUBJECT.match(s.text)
    if not m:
        return
    words = m.group("g").split()
    while len(words) > 1 and not _genre_word(words[0]):
        words = words[1:]  # "The new thriller": the genre is "thriller"
    genre = " ".join(words)
    if genre in ("horror film", "animated film"):
        genre = genre.split()[0]
    work = doc.work_before(s.start, s)
    if work is None:
        return
    quote = s.text if len(s.text) < 160 else m.group(0)
    doc.add(work, "genre", quote, s.start, "genre-subject", 0.5, value=genre)


_PLOT = (r"(?:follows|tells the (?:story|tale) of|tells|is about|centers (?:on|around)|"
         r"centres (?:on|around)|revolves around|focuses on|chronicles)")


#: "Woodstock: Three Days That Defined a Generation (pictured), which revisits …", "Slay the
#: Dragon, directed and produced alongside Chris Durrance, which takes an in-depth look at":
#: a picture note or a crew clause may stand between the title and its synopsis.
_TITLE_PLOT = re.compile(rf"^[”\"’]?(?: \([^()]{{1,30}}\))?(?:, (?:directed|produced|written|"
                         rf"co-directed|co-written)\b[^,.;()]{{0,60}})?,?[”\"’]? "
                         rf"(?:which |that |is a [\w -]{{3,40}}? that )?"
                         rf"(?P<plot>(?:is about|{_PLOT}|looks at|explores|examines|revisits|"
                         rf"takes an in-depth look at)\b[^.;]{{10,200}})")


_COMPANY_AFTER = re.compile(rf"(?:[”\"’],?|,[”\"’]?)? from (?:{NAME}[’']s? )?{NAME}(?=,)")


def rule_title_synopsis(doc: Doc, s: Sentence) -> None:
    """"Wednesday follows the protagonist in a bid to solve a monster mystery at school",
    "“If Beale Street Could Talk” is about a pregnant Harlem woman …", "The Apollo from
    HBO Documentary Films, which chronicles the history and legacy of the historic
    theater": what the work just named is about."""
    for a, b, work in doc.works_in_spans(s.start, s.end):
        rest = doc.text[b:s.end]
        company = _COMPANY_AFTER.match(rest)
        skip = company.end() if company else 0  # "“…,” from Universal’s Focus Features, looks at"
        m = _TITLE_PLOT.match(rest[skip:])
        if not m or not doc.scoping(a, b, work) or doc.type_of(work) not in (
                "Movie", "TVSeries", "TVSeason"):
            continue
        if re.search(r", (?:the|a|an) [^,]{0,60}$", doc.text[s.start:a]):
            continue  # "Hidden Bodies, the highly-anticipated sequel to YOU, follows …"
        para = doc.text[:s.start].rstrip(" ")
        if para.endswith(":\n") or para.endswith(":"):
            continue  # "Funimation describes the film:" and the quoted description
        plot = m.group("plot").rstrip(". ")
        start = b + skip + m.start("plot")
        nxt = [x for x, _y, _w in doc.works_in_spans(start, start + len(plot) + 1)]
        cut = re.search(r",? and [“\"‘]?$", doc.text[start:nxt[0]]) if nxt else None
        if cut:  # "…, which revisits …, and Slay the Dragon, …": the next title's own
            plot = doc.text[start:start + cut.start()]
        doc.add(work, "description", doc.text[a:start + len(plot)], a, "title-synopsis", 0.55,
                value=re.sub(r"^is ", "", plot))


_THE_WORK_PLOT = re.compile(rf"The (?:movie|film|series|show|sequel|story) {_PLOT}\b")
_DESCRIPTION = re.compile(rf"(?:[”\"’]|\b(?:reboot|sequel|series|show|film|movie)),? (?:[^,]{{3,60}}, )?"
                          rf"(?P<plot>{_PLOT}\b.*)$")


def rule_description(doc: Doc, s: Sentence) -> None:
    """"The movie follows the children of …", "“Strike Back’s” reboot, which will film in
    2017, centers around the Section program …": the synopsis of the work it is about."""
    if _THE_WORK_PLOT.match(s.text):
        work = doc.work_before(s.start, s)
        if work:
            doc.add(work, "description", s.text, s.start, "synopsis", 0.6, value=s.text)
        return
    m = _DESCRIPTION.search(s.text)
    if m and s.start + m.start() < s.start + 120:
        work = doc.work_at(s.start + m.start(), s)
        if work:
            plot = m.group("plot").rstrip(". ")
            doc.add(work, "description", m.group("plot"), s.start + m.start("plot"),
                    "synopsis", 0.55, value=plot)


_OWNER_KIND = re.compile(rf"(?P<o>{NAME}) ?[’'](?:s )?(?:(?:(?:[A-Z]+-)?[a-z-]+ ){{0,3}}(?:series|show|film|"
                         rf"movie|drama|comedy|thriller|documentary|docuseries),? )?[“\"‘]?$")
_POSSESSIVE_TITLE = re.compile(rf"(?P<o>{NAME})[’']s {TITLE}")
#: A company joined by a slash to the owner before a title: "Sony/Rovio Entertainment’s".
_CO_OWNER = re.compile(r"(?<![\w/])(?P<o>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2})/$")


def _company_name(name: str, joined: bool = False) -> bool:
    """A studio's name: one the gazetteers know, or one whose words say it is a company
    ("Rovio Entertainment"); with ``joined`` (a slash joins it to a company's), any that
    does not open with a given name ("New Line/Warner Bros.’")."""
    key = name.lower().removesuffix(".")
    if key in KNOWN_NAMES or key + "." in KNOWN_NAMES:
        return key not in NETWORKS and key not in STREAMERS
    words = name.split()
    if any(w in STOP or w.isupper() or not w[0].isupper() for w in words):
        return False  # "When Studio Ghibli’s", "Rank Among Network Television's", "DK’s"
    if len(words) >= 2 and _STUDIO_NAME_END.search(name):
        return True
    return joined and words[0].lower() not in FIRST_NAMES and not is_place_or_award(name)


_STUDIO_NAME_END = re.compile(r" (?:Studios?|Pictures|Productions?|Films|Entertainment|"
                              r"Animation)$")


def rule_possessive_title(doc: Doc, s: Sentence) -> None:
    """"Shondaland's 'Bridgerton'", "Netflix's The Long Road": a company's work (a
    network's show, a streaming service's film, a studio's production)."""
    for a, b, work in doc.works_in_spans(s.start, s.end):
        # "Netflix's The Long Road", "Hulu's new thriller series, The Veil"
        m = _OWNER_KIND.search(doc.text[s.start:a])
        if not m:
            continue
        partner = _CO_OWNER.search(doc.text, max(s.start, s.start + m.start() - 40),
                                   s.start + m.start())
        if m.group("o").lower() not in KNOWN_NAMES and doc.lookup(m.group("o")) is None and \
                not _company_name(m.group("o")) and not (partner and _company_name(
                    partner.group("o"), True)):
            continue
        if re.search(TITLE, doc.text[s.start + m.start():b + 2]):
            continue  # a quoted title: below
        key = m.group("o").lower()
        owner = doc.lookup(m.group("o"))
        kind = doc.type_of(owner) if owner else None
        if owner is not None and not is_a(kind, "Organization"):
            continue
        prop = "airsOn" if key in NETWORKS else (
            "streamingOn" if key in STREAMERS or is_a(kind, "StreamingService") else
            "productionCompany")
        org = owner or doc.entity(m.group("o"), None if key in KNOWN_NAMES else
                                  "ProductionCompany", "company-title", m.group(0), 0.4)
        # a network's possessive before an unquoted show: right none of 6 times over the
        # development sets (the curators record the studio or the service, seldom the
        # channel); before a quoted title, below, it is kept. Over twenty-two sets a
        # whole title right after a network's possessive is right more often: the dates
        # rule `channel-title` drafts it, with its guards
        doc.add(work, prop, doc.text[s.start + m.start():b], s.start + m.start(),
                "company-title", 0.4 if prop == "airsOn" else 0.5, obj=org)
        if partner is not None and prop == "productionCompany":
            # "Sony/Rovio Entertainment’s The Angry Birds Movie 2", "New Line/Warner Bros.’
            # It: Chapter Two": the companies a slash joins make it together
            other = doc.lookup(partner.group("o"))
            if other is None:
                other = doc.entity(partner.group("o"), "ProductionCompany", "company-title",
                                   partner.group(0), 0.4)
            if is_a(doc.type_of(other), "Organization"):
                doc.add(work, prop, doc.text[partner.start():b], partner.start(),
                        "company-title", 0.5, obj=other)
    for m in _POSSESSIVE_TITLE.finditer(s.text):
        owner = doc.lookup(m.group("o"))
        if owner is not None and not is_a(doc.type_of(owner), "Organization"):
            continue
        if owner is None and (" " in m.group("o") or m.group("o") in STOP):
            continue
        if re.match(r"[,”\"’]* (?:remake|reboot|sequel|prequel|spinoff|spin-off|revival|"
                    r"adaptation)\b", s.text[m.end():]):
            continue  # "Universal’s “Scarface” remake": the company's remake, not the original
        key = m.group("o").lower()
        prop, org_type = ("airsOn", "TelevisionNetwork") if key in NETWORKS else (
            ("streamingOn", "StreamingService") if key in STREAMERS else
            ("productionCompany", "ProductionCompany"))
        org = doc.entity(m.group("o"), org_type, "company-title", m.group(0), 0.4)
        after = s.text[m.end():m.end() + 12]
        type_ = "TVSeries" if after.startswith((" series", " show")) or \
            prop == "airsOn" else "Movie"
        work = doc.entity(m.group("t"), type_, "company-title", m.group(0), 0.4)
        doc.add(work, prop, m.group(0), s.start + m.start(), "company-title", 0.5, obj=org)


#: Words that say how a work is made or put together, not its genre: "an animated film"
#: (the curators of the evaluation articles took it as a genre twice in eleven), "the
#: anthology series".
_FORM_ONLY = frozenset({"animated", "animation", "anthology"})


def _genre_confidence(genre: str, confidence: float) -> float:
    """A genre that is only a form ("animated") is drafted below the default floor."""
    return min(confidence, 0.4) if genre.lower() in _FORM_ONLY else confidence


#: "the 2009 Broadway play ‘Eclipsed’", "the 2013 film ‘12 Years a Slave’".
_YEAR_KIND = re.compile(rf"(?:\b(?:the|a|an|his|her|their|its|in|to|and)|{POSSESSOR}) "
                        rf"(?:(?:cult|original|hit|classic|acclaimed|beloved|celebrated) )?"
                        rf"(?P<y>(?:19|20)\d\d) (?:[A-Za-z][\w+-]* ){{0,3}}?"
                        r"(?:film|movie|series|show|play|musical|documentary|novel|book|sitcom|"
                        r"drama|comedy|thriller|feature|adaptation|miniseries|blockbuster|"
                        r"classic)s?,? [“\"‘]?")


#: "2005’s “Walk the Line.”", "2021's patriotic war film "The Battle at Lake Changjin"": a
#: year's possessive before a quoted title, or before a few words naming the work's kind
#: (data) and then the title; not "2019's biggest hit was “Joker”" (a verb between).
_YEAR_KINDS = (r"(?:film|movie|series|show|hit|blockbuster|comedy|drama|thriller|sitcom|"
               r"musical|documentary|feature|remake|reboot|sequel|adaptation|miniseries|"
               r"classic|horror|romance|biopic|epic|western|release)")
_YEAR_POSSESSIVE_QUOTED = re.compile(
    rf"\b(?P<y>(?:19|20)\d\d)[’']s (?:(?:[a-z][\w-]* ){{0,3}}{_YEAR_KINDS},? )?[“\"‘']")
#: A quoted title's closing quotation mark and its year in brackets: "“Spirited Away”
#: (2001)", "\"King the Land\" (2023)".
_QUOTED_YEAR_PAREN = re.compile(r"[”\"’'] \((?P<y>(?:19|20)\d\d)\)")
#: "this fall’s unexpected box office triumph ‘The Wild Robot’": out in the article's year.
_THIS_SEASON = re.compile(r"\b[Tt]his (?:year|fall|summer|spring|winter|autumn)[’']s ")


#: The words between the name and the kind describe the work, they do not start a clause:
#: not "HBO of the film", "Netflix include the drama", "HBO has renewed drama Succession".
_NOT_A_KIND_WORD = (r"(?!(?:of|the|a|an|and|or|to|in|on|at|for|with|by|from|has|have|had|is|"
                    r"are|was|were|will|include|includes|included|renewed|canceled|cancelled|"
                    r"its|their|his|her|this|that|said|says|announced)\b)")
_SERVICE_KIND = re.compile(r"\b(?P<o>[A-Z][\w+&]*(?: [A-Z][\w+&]*)?(?<=Bros)\.?|[A-Z][\w+&]*"
                           rf"(?: [A-Z][\w+&]*)?) (?:original )?(?:{_NOT_A_KIND_WORD}[a-z-]+ ){{0,2}}?"
                           r"(?P<k>movie|film|series|show|documentary|docuseries|drama|comedy|"
                           r"thriller|miniseries|special|blockbuster|sitcom|original)\b(?![’'])")
#: What stands before the service when the phrase is a definite description of the work in
#: scope: "the FX drama", "The hit Cartoon Network series", "This critically acclaimed HBO
#: miniseries", "the vintage ABC sitcom" (a few words that praise or date it).
_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his) (?:(?!(?:of|and|or|to|in|on|for|with|by|"
                              r"from|a|an|its|their|his|her)\b)[a-z][\w-]* ){0,2}$")


def _scope_of_kind(doc: Doc, s: Sentence, pos: int, noun: str) -> str | None:
    """The work in scope at ``pos`` that "the <service> <noun>" can stand for: a series for
    "series", "show", "sitcom" …, a film for "film" or "movie" (the nearest one of that
    kind named before in the paragraph when the work in scope is of another kind), any
    work for "drama", "original" …; "the Netflix film" is no series."""
    scope = doc.work_before(pos, s)
    kinds = kinds_named(noun)
    if scope is not None and doc.type_of(scope) in kinds:
        return scope
    para = doc.paragraph_at(pos, 1)
    lower = para.start if para is not None else s.start
    earlier = [w for a, b, w in doc.work_spans if lower <= a < pos
               and doc.type_of(w) in kinds and doc.scoping(a, b, w)]
    return earlier[-1] if earlier else None


def rule_service_kind(doc: Doc, s: Sentence) -> None:
    """"the upcoming Netflix movie Atlas", "the HBO Max series “Warrior”", "the set of the
    FX drama" (the series in scope): the streaming service (or network) named as the kind
    of work it is."""
    for m in _SERVICE_KIND.finditer(s.text):
        name = m.group("o")
        found = doc.lookup(name)
        key = name.lower()
        if found is not None:
            kind = doc.type_of(found)
        elif key in STREAMERS:
            kind = "StreamingService"
        elif key in NETWORKS:
            kind = "TelevisionNetwork"
        elif key in STUDIOS:
            kind = "ProductionCompany"  # "Warner Bros. superhero blockbuster “Aquaman,”"
        else:
            continue
        if not is_a(kind, "Organization") or is_a(kind, "NewsMediaOrganization"):
            continue
        lead = re.match(r",? [“\"‘]?", s.text[m.end():])
        spans = doc.span_starting(s.start + m.end() + lead.end()) if lead else []
        rule = "service-kind"
        studio = key in STUDIOS and key not in NETWORKS and key not in STREAMERS
        if studio and not (spans and doc.type_of(spans[0][2]) in WORK_TYPES):
            continue
        if spans and doc.type_of(spans[0][2]) in WORK_TYPES:
            # "the 2020 Apple TV+ miniseries Defending Jacob": the title right after
            _a, b, work = spans[0]
            rule = "service-kind-title" if is_a(kind, "StreamingService") else "service-kind"
        elif _DEFINITE_BEFORE.search(s.text, max(0, m.start() - 40), m.start()) \
                and not (lead and re.search(r"[“\"‘]", lead.group(0))):
            # "a video from the set of the FX drama", "The hit Cartoon Network series",
            # "the HBO original": the work in scope, of the kind the noun names
            scope = _scope_of_kind(doc, s, s.start + m.start(), m.group("k"))
            if scope is None:
                continue
            work, b = scope, s.start + m.end()
        else:
            continue
        streamer = is_a(kind, "StreamingService")
        org = found or doc.entity(name, kind, rule, m.group(0))
        if studio or (is_a(kind, "ProductionCompany") and key not in NETWORKS
                      and key not in STREAMERS):
            if rule == "service-kind-title" or spans:
                doc.add(work, "productionCompany", doc.text[s.start + m.start():doc.past_quote(b)],
                        s.start + m.start(), "studio-kind-title", 0.6, obj=org)
            continue
        doc.add(doc.series_of(work) or work, "streamingOn" if streamer else "airsOn",
                doc.text[s.start + m.start():doc.past_quote(b)], s.start + m.start(),
                rule, 0.6, obj=org)


def rule_year_title(doc: Doc, s: Sentence) -> None:
    """"2005's The Adventures of Sharkboy and Lavagirl", "Machete (2010)", "the 2009
    Broadway play ‘Eclipsed’": the year the work came out."""
    for m in _YEAR_KIND.finditer(s.text):
        spans = doc.span_starting(s.start + m.end())
        if spans and re.search(r"\b(?:novel|book)s?\b", m.group(0)) and \
                doc.type_of(spans[0][2]) in WORK_TYPES:
            continue  # "John Williams’ 1965 novel, Stoner": the book's year, not the film's
        if spans:
            _a, b, work = spans[0]
            end = doc.past_quote(b)
            doc.add(work, "datePublished", doc.text[s.start + m.start():end],
                    s.start + m.start(), "year-kind-title", 0.7, value=m.group("y"))
    for m in _THIS_SEASON.finditer(s.text):
        at = s.start + m.start()
        spans = [(a, b, w) for a, b, w in doc.works_in_spans(at, min(s.end, at + 80))
                 if re.fullmatch(r"(?:[\w-]+ ){0,4}[“\"‘]?", doc.text[s.start + m.end():a])]
        if spans and doc.base_date is not None:
            _a, b, work = spans[0]
            end = doc.past_quote(b)
            doc.add(work, "datePublished", doc.text[s.start + m.start():end],
                    s.start + m.start(), "this-year-title", 0.6,
                    value=str(doc.base_date.year))
    for m in _QUOTED_YEAR_PAREN.finditer(s.text):
        close = s.start + m.start() + 1  # "“Spirited Away” (2001)": right after the quote
        spans = [(a, b, w) for a, b, w in doc.works_in_spans(s.start, close)
                 if doc.past_quote(b) == close]
        if spans:
            a, _b, work = spans[-1]
            doc.add(work, "datePublished", doc.text[a:s.start + m.end()], a, "year-title",
                    0.8, value=m.group("y"))
    for m in _YEAR_POSSESSIVE_QUOTED.finditer(s.text):
        spans = doc.span_starting(s.start + m.end())
        if spans:
            _a, b, work = spans[0]
            doc.add(work, "datePublished", doc.text[s.start + m.start():doc.past_quote(b)],
                    s.start + m.start(), "year-title", 0.8, value=m.group("y"))
    for pattern in (_YEAR_POSSESSIVE, _YEAR_PAREN):
        for m in pattern.finditer(s.text):
            works = doc.works_in(s.start + m.start(), s.start + m.end())
            if not works:
                continue
            doc.add(works[-1], "datePublished", m.group(0), s.start + m.start(), "year-title",
                    0.8, value=m.group("y"))


_KIND = {"follow-up": "sequel", "follow up": "sequel", "spin-off": "spinoff"}
#: An author's possessive before a title: "Margaret Atwood’s ", "Joseph Heller’s ".
_AUTHOR_OWNED = re.compile(r"(?P<o>[A-Z][\w.-]*(?: [A-Z][\w.-]*){1,2})[’']s (?=[A-Z“\"‘])")


_DERIVED_OF_SCOPE = re.compile(r"\b(?P<kind>reboot|remake|revival) of the (?:[\w-]+ ){0,3}?"
                               r"(?:series|show|film|movie|franchise)\b")


_DERIVED_KIND = re.compile(r"\b(?P<kind>sequels|follow-ups|reboots|remakes|prequels) (?:to|of) ")
_OWNED_DERIVATIVE = re.compile(r"[’']s[”\"]? (?P<kind>reboot|remake|revival|sequel)\b")


def rule_derived_work(doc: Doc, s: Sentence) -> None:
    """"a sequel to Creed", "The CW’s reboot of The Lost Boys", "a Dirty Dozen reboot",
    "a sequel has already been commissioned" (after Extraction): the new work, named
    "<Work> sequel" (or reboot, remake...), and what it comes from; "Hulu’s adaptation of
    Margaret Atwood’s The Handmaid’s Tale": the series of that title, based on the
    author's novel (`author-adaptation`)."""
    for pattern in (_DERIVED_OF, _TITLE_DERIVED):
        for m in pattern.finditer(s.text):
            works = doc.works_in(s.start + m.start("t"), s.start + m.end("t") + 1)
            if not works:
                continue
            kind = _KIND.get(m.group("kind"), m.group("kind"))
            if kind == "adaptation" and _PAGE_KINDS.search(s.text, m.start(), m.start("t")):
                continue  # "the adaptation of the book Nine Perfect Strangers": the
                # adaptation carries the book's title (rule_based_on)
            base = works[0]
            author = _AUTHOR_OWNED.match(m.group("t"))
            if kind == "adaptation" and author and doc.is_person(author.group("o")) and \
                    doc.type_of(base) in ("Movie", "TVSeries"):
                # "Hulu’s adaptation of Margaret Atwood’s The Handmaid’s Tale": the series
                # carries the title of the author's book
                rule = "author-adaptation"
                source = doc.derived(f"{base}-novel", "CreativeWork",
                                     f"{doc.name_of(base)} (novel)", rule, m.group(0))
                doc.add(base, "basedOn", m.group(0), s.start + m.start(), rule, 0.6, obj=source)
                person = doc.entity(doc.trim(author.group("o")), "Person", rule, m.group(0))
                if is_a(doc.type_of(person), "Person"):
                    doc.add(source, "author", m.group(0), s.start + m.start(), rule, 0.6,
                            obj=person)
                continue
            if doc.type_of(base) not in ("Movie", "TVSeries", "MovieSeries"):
                continue
            appositive = re.search(r", (?:the|a|its) (?:[\w-]+ ){0,3}$",
                                   s.text[:m.start()])
            named = [w for _a, b, w in doc.work_spans
                     if appositive and b == s.start + appositive.start()]
            if named and named[0] != base and pattern is _DERIVED_OF:
                # "Hidden Bodies, the highly-anticipated sequel to YOU".
                prop = "sequelOf" if kind in ("sequel", "prequel") else "basedOn"
                first = next(a for a, _b, w in doc.work_spans if w == named[0])
                doc.add(named[0], prop, doc.text[first:s.start + m.end()],
                        s.start + m.start(), "derived-apposition", 0.7, obj=base)
                continue
            new = doc.sequel_of(base, s, kind)
            if new in doc.new and doc.new[new].type == "Movie" and re.match(
                    r" (?:series|show|drama series)\b", s.text[m.end():]):
                doc.new[new].type = "TVSeries"  # "the Game of Thrones prequel series"
            prop = "sequelOf" if kind in ("sequel", "prequel") else "basedOn"
            doc.add(new, prop, m.group(0), s.start + m.start(), "derived-work", 0.75, obj=base)
            doc.add_work_span(s.start + m.start(), s.start + m.end(), new)
    for m in _KIND_BETWEEN_NEW.finditer(s.text):
        # "Knives Out sequel Glass Onion": the second title comes from the first
        bases = doc.works_in(s.start + m.start(), s.start + m.start("kind"))
        new_ = doc.span_starting(s.start + m.start("t"))
        if not bases or not new_ or doc.type_of(bases[-1]) not in (
                "Movie", "TVSeries", "MovieSeries"):
            continue
        work = new_[0][2]
        if work == bases[-1]:
            continue
        kind = m.group("kind")
        prop = "sequelOf" if kind in ("sequel", "prequel") else "basedOn"
        doc.add(work, prop, doc.text[s.start + m.start():new_[0][1]], s.start + m.start(),
                "title-kind-title", 0.7, obj=bases[-1])
    for m in _DERIVED_KIND.finditer(s.text):
        # "Netflix is also developing sequels to “The Gray Man,” “Extraction” and “Bird Box”"
        at = s.start + m.end()
        kind = m.group("kind")[:-1]
        previous, last = at, False
        for a, b, base in doc.works_in_spans(at, s.end):
            gap = doc.text[previous:a]
            if last or not re.fullmatch(r",?[”\"’]?,? ?(?:and )?[“\"‘]?", gap):
                break  # the list ends after the item "and" brings
            last, previous = " and " in f" {gap} ", b
            if doc.type_of(base) not in ("Movie", "TVSeries", "MovieSeries"):
                continue
            new = doc.sequel_of(base, s, kind)
            prop = "sequelOf" if kind in ("sequel", "prequel") else "basedOn"
            doc.add(new, prop, doc.text[s.start + m.start():doc.past_quote(b)],
                    s.start + m.start(), "derived-list", 0.6, obj=base)
    for a, b, work in doc.works_in_spans(s.start, s.end):
        owned = _OWNED_DERIVATIVE.match(doc.text[b:])
        if owned and doc.type_of(work) in ("Movie", "TVSeries", "MovieSeries"):
            # "“Strike Back’s” reboot"
            new = doc.sequel_of(work, s, owned.group("kind"))
            if new != work:
                doc.add_work_span(a, b + owned.end(), new)
    for m in _DERIVED_OF_SCOPE.finditer(s.text):
        scope = doc.work_before(s.start + m.start(), s)
        if scope is None:
            continue
        if any(w == scope and re.fullmatch(
                r"[”\"’]?,[”\"’]? (?:the |a |an |its |their |[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*[’']s? )"
                r"(?:[\w-]+ ){0,2}", doc.text[b:s.start + m.start()])
               for _a, b, w in doc.work_spans):
            continue  # "“The Fantastic Four: First Steps,” Disney’s reboot of the Marvel
            # Comics franchise": the title is the reboot, of a franchise it names no work of
        base = scope
        if base is None or doc.type_of(base) not in ("Movie", "TVSeries", "MovieSeries"):
            continue
        new = doc.sequel_of(base, s, m.group("kind"))
        doc.add(new, "basedOn", m.group(0), s.start + m.start(), "derived-work", 0.6, obj=base)
        doc.add_work_span(s.start + m.start(), s.start + m.end(), new)


_PREDECESSOR = re.compile(r"\b(?:its|their|the) (?:(?P<y>(?:19|20)\d\d) )?(?:[\w-]+ )?"
                          r"(?:predecessor|forerunner)\s*[“\"‘]?")


def rule_predecessor(doc: Doc, s: Sentence) -> None:
    """"“The Nun II” … couldn’t match the high-water mark set by its 2018 predecessor
    “The Nun,”": the work in scope follows the one named, which came out that year."""
    for m in _PREDECESSOR.finditer(s.text):
        spans = doc.span_starting(s.start + m.end())
        if not spans:
            continue
        _a, b, earlier = spans[0]
        # "its": the sentence's subject, the first work it names
        named = [w for x, y, w in doc.work_spans if s.start <= x < s.start + m.start()
                 and doc.scoping(x, y, w) and doc.type_of(w) in WORK_TYPES]
        work = named[0] if named else doc.work_before(s.start + m.start(), s)
        if work is None or work == earlier or doc.type_of(earlier) not in WORK_TYPES:
            continue
        quote = doc.text[s.start + m.start():doc.past_quote(b)]
        doc.add(work, "sequelOf", quote, s.start + m.start(), "predecessor", 0.7, obj=earlier)
        if m.group("y"):
            doc.add(earlier, "datePublished", quote, s.start + m.start(), "predecessor", 0.65,
                    value=m.group("y"))


_AND_THE_SEQUEL = re.compile(r"[”\"’]?,? and (?:its|the|a) (?:[\w-]+ )?"
                             r"(?:sequel|follow-up|prequel)(?: series| film)?,? [“\"‘]?")


def rule_and_the_sequel(doc: Doc, s: Sentence) -> None:
    """"Marvel’s ‘Black Panther’ and the sequel ‘Black Panther: Wakanda Forever’": the
    sequel named right after the work it follows."""
    spans = doc.works_in_spans(s.start, s.end)
    for (a0, b0, first), (a, b, work) in itertools.pairwise(spans):
        between = doc.text[b0:a]
        if first != work and _AND_THE_SEQUEL.fullmatch(between):
            prop = "sequelOf"
            if "prequel" in between:
                continue
            end = doc.past_quote(b)
            doc.add(work, prop, doc.text[a0:end].lstrip("“\"‘"), a0, "and-the-sequel", 0.65,
                    obj=first)


_NUMBERED_SEQUEL = re.compile(r"(?P<base>.+?):? (?P<n>[2-9]|II|III|IV|Part (?:2|II|Two))")


def rule_numbered_sequel(doc: Doc, s: Sentence) -> None:
    """"Creed 2" when the text also names "Creed": the sequel of that work."""
    for a, b, work in doc.works_in_spans(s.start, s.end):
        name = doc.name_of(work)
        m = _NUMBERED_SEQUEL.fullmatch(name)
        if not m:
            continue
        base = doc.lookup(m.group("base"))
        if base is None or base == work or doc.type_of(base) not in ("Movie", "MovieSeries"):
            continue
        if m.group("n") in ("2", "II") and any(
                doc.name_of(w).lower().startswith(doc.name_of(base).lower() + ": ")
                for w in doc.new if w != work):
            continue  # "Jurassic World 2" for "Jurassic World: Fallen Kingdom": another name
        doc.add(work, "sequelOf", doc.text[a:b], a, "numbered-sequel", 0.6, obj=base)


_YEAR_OF_PREDECESSOR = re.compile(r"\b(?:sequel|follow-up|follow up) to the (?:[\w-]+ ){0,2}?"
                                  r"(?P<y>(?:19|20)\d\d) (?:film|movie|series|show)\b")


def rule_year_of_predecessor(doc: Doc, s: Sentence) -> None:
    """"Creed 2 will begin shooting next year as a follow-up to the incredible 2015 film":
    the year of the work it follows."""
    for m in _YEAR_OF_PREDECESSOR.finditer(s.text):
        work = doc.work_at(s.start + m.start(), s)
        before = doc.predecessor(work) if work else None
        if before:
            doc.add(before, "datePublished", m.group(0)[m.group(0).index("the "):],
                    s.start + m.start() + m.group(0).index("the "), "year-of-predecessor",
                    0.6, value=m.group("y"))


_YEAR_APPOSITION = re.compile(r", the (?:original |incredible |acclaimed |hit )?(?P<y>(?:19|20)\d\d) "
                              r"(?P<g>[\w/-]+(?: [\w/-]+)*? )?(?:film|movie|thriller|comedy|drama|"
                              r"series|show|feature|adaptation)\b")


def rule_year_apposition(doc: Doc, s: Sentence) -> None:
    """"Bright, the 2017 fantasy/sci-fi/detective/action thriller": the year (and genre)
    of the work just named."""
    for m in _YEAR_APPOSITION.finditer(s.text):
        works = [w for _a, b, w in doc.work_spans if b == s.start + m.start()]
        if not works:
            continue
        begin = next(a for a, b, _w in doc.work_spans if b == s.start + m.start())
        quote = doc.text[begin:s.start + m.end()]
        doc.add(works[0], "datePublished", quote, s.start + m.start(), "year-apposition", 0.75,
                value=m.group("y"))


_SOURCE_KINDS = (r"graphic novels?|novels|novel|book series|books|book|comic books?|comics?|memoir|"
                 r"podcast|play|"
                 r"video game|game|manga|short story|musical|true story|article|novella|"
                 r"animated series|anthology series|TV series|series|show|film|movie")
_BASED = re.compile(
    rf"\b(?:[Bb]ased on|adaptation of|[Aa]dapted from) (?:the |a |an )?"
    rf"(?:(?P<author>{NAME})[’']s? )?(?:(?P<y>(?:19|20)\d\d) )?"
    rf"(?P<adj>(?:[\w-]+ ){{0,3}}?)(?P<kind>{_SOURCE_KINDS})\b"
    rf"(?P<same> of the same (?:name|title))?(?: [“\"‘]?(?P<title>{TITLE_WORDS})[”\"’]?)?"
    rf"(?: by (?:(?:[A-Z][a-z]+ |best-selling |bestselling )?(?:author|writer|novelist) )?"
    rf"(?P<author2>{NAME}))?")


_REIMAGINING = re.compile(r"\b(?:a |the )?(?:reimagining|re-imagining|remake|reboot|update|"
                          r"revival) of the (?P<name>original (?:[\w-]+ ){0,2}?(?:series|show|"
                          r"film|movie))\b")


_BASED_ON_TITLE = re.compile(rf"\b[Bb]ased on [“\"‘]?(?P<title>{TITLE_WORDS})[”\"’]?(?=[,.;)]|$)")


_BASED_ON_OWNED = re.compile(rf"\b[Bb]ased on (?P<author>{NAME})[’']s? [“\"‘](?P<title>[^”\"’]{{2,80}})[”\"’]")


def _sources(doc: Doc) -> None:
    """"based on George R.R. Martin's "Fire & Blood"": the quoted title is the book a work
    is based on, not a work the sentences after it are about."""
    for m in _BASED_ON_OWNED.finditer(doc.text):
        found = doc.lookup(m.group("title").strip().rstrip(",."))
        if found in doc.new and doc.new[found].rule == "quoted-title" and \
                doc.is_person(doc.trim(m.group("author"))):
            doc.new[found].type = "CreativeWork"
            doc.work_spans[:] = [sp for sp in doc.work_spans if sp[2] != found]


def rule_based_on_title(doc: Doc, s: Sentence) -> None:
    """"Ryan Murphy’s “Ratched”, based on One Flew Over the Cuckoo’s Nest, saw …": the
    work a title is based on, named by its own title; "The series—which is based on George
    R.R. Martin's "Fire & Blood"— is set 200 years before …": the source and its author."""
    owned = []
    for m in _BASED_ON_OWNED.finditer(s.text):
        author, title = doc.trim(m.group("author")), m.group("title").strip().rstrip(",.")
        if not is_title_case(title) or not doc.is_person(author):
            continue
        owned.append((m.start(), m.end()))
        at = s.start + m.start("title")
        found = doc.lookup(title)
        source = found if found is not None and doc.type_of(found) in (
            *WORK_TYPES, "CreativeWork", "Book") else doc.entity(
                title, "CreativeWork", "based-on-title", m.group(0))
        work = doc.work_at(s.start + m.start(), s)
        if work is not None and doc.type_of(work) in WORK_TYPES and work != source:
            doc.add(work, "basedOn", m.group(0), s.start + m.start(), "based-on-title", 0.6,
                    obj=source)
        person = doc.entity(author, "Person", "based-on", m.group(0))
        doc.add(source, "author", doc.text[s.start + m.start("author"):at + len(title) + 1],
                s.start + m.start("author"), "based-on", 0.65, obj=person)
    for m in _BASED_ON_TITLE.finditer(s.text):
        if any(a <= m.start() < b for a, b in owned):
            continue
        title = m.group("title")
        if not is_title_case(title) or title.split()[0] in (
                "This", "That", "It", "Its", "His", "Her", "Their", "What", "True") or \
                doc.is_person(title, strict=True) or (
                    " and " in title and coordinated(doc, title, s.start + m.start("title"))):
            continue  # "two brand-new series based on Ghost Rider and Helstrom": each its own
        pos = s.start + m.start()
        work = doc.work_at(pos, s)
        if work is None or doc.type_of(work) not in WORK_TYPES:
            continue
        found = doc.lookup(title)
        source = found if found is not None and doc.type_of(found) in (
            *WORK_TYPES, "CreativeWork", "Book") else doc.entity(title, "CreativeWork",
                                                                 "based-on-title", m.group(0))
        if source == work:
            continue
        doc.add(work, "basedOn", m.group(0), pos, "based-on-title", 0.6, obj=source)


#: The kinds of source an adaptation carries the title of.
_PAGE_KINDS = re.compile(r"(?:graphic )?novel|book|comic book|comic|memoir|podcast|play|"
                         r"manga|short story|novella")


def _adaptation_titled(doc: Doc, s: Sentence, m: re.Match[str]) -> bool:
    """"the adaptation of the book Nine Perfect Strangers starring Nicole Kidman", "an
    adaptation of Ins Choi’s award-winning Canadian play Kim’s Convenience": an adaptation
    named by its source's title is the work of that title (the series the cast stars in),
    based on the source of the same name ("Nine Perfect Strangers (book)"), who wrote
    it its author. Whether the rule drafted the facts."""
    title = m.group("title")
    if not title or m.group("same") or not m.group(0).startswith("adaptation of") or \
            not _PAGE_KINDS.fullmatch(m.group("kind")) or not is_title_case(title):
        return False
    if re.search(r"\w, (?:an|the) $", s.text[:m.start()]) and any(
            s.start <= a < s.start + m.start() for a, _b, _w in doc.work_spans):
        return False  # "film LOVE & FRIENDSHIP from Whit Stillman, an adaptation of Jane
        # Austen’s early novella Lady Susan": the work named before is the adaptation
    at = s.start + m.start("title")
    found = doc.lookup(title)
    if found is not None and doc.type_of(found) not in ("Movie", "TVSeries"):
        return False
    work = found or doc.entity(title, "TVSeries" if re.search(
        r"\b(?:series|show|season|episodes?|network|TV)\b", s.text) else "Movie",
                               "adaptation-titled", m.group(0), 0.5)
    if not doc.work_span_at(at, at + len(title)):
        doc.add_work_span(at, at + len(title), work)
    kind = m.group("kind")
    source = doc.derived(f"{work}-{kind.replace(' ', '-')}", "CreativeWork",
                         f"{doc.name_of(work)} ({kind})", "based-on", m.group(0))
    end = m.start("title") + len(title)
    quote = s.text[m.start():end]
    doc.add(work, "basedOn", quote, s.start + m.start(), "based-on", 0.7, obj=source)
    author = m.group("author")
    if author and doc.is_person(doc.trim(author)):
        person = doc.entity(doc.trim(author), "Person", "based-on", quote)
        doc.add(source, "author", quote, s.start + m.start(), "based-on", 0.65, obj=person)
    return True


def rule_based_on(doc: Doc, s: Sentence) -> None:
    """"Based on the 2012 novel of the same name, Defending Jacob will premiere …", "which is
    based on Caroline Kepnes' novel of the same name", "the Starz adaptation of Neil
    Gaiman’s acclaimed novel", "Based on the popular fictional
    podcast", "based on the bestselling fantasy novels by British author Philip Pullman":
    the source work, its year and its author."""
    for m in _BASED.finditer(s.text):
        pos = s.start + m.start()
        if _adaptation_titled(doc, s, m):
            continue
        if m.start() == 0 or re.match(r"\s*[,(]", s.text[:m.start()][-2:] or ""):
            # "Based on the 2012 novel of the same name, Defending Jacob …": the title
            # right after; not one a later clause names (", and the adaptation of …")
            later = [w for a, _b, w in doc.work_spans if a >= s.start + m.end()
                     and a < s.end and re.fullmatch(r"[^,;]{0,40}?,? ?[“\"‘]?",
                                                    doc.text[s.start + m.end():a])]
            work = later[0] if later else doc.work_at(pos, s)
        else:
            work = doc.work_at(pos, s)
        if work is None or doc.type_of(work) not in ("Movie", "TVSeries", "TVSeason",
                                                      "MovieSeries"):
            continue
        work = work[:work.index("-season-")] if "-season-" in work else work
        kind = m.group("kind")
        if re.match(r"(?:a |the )?(?:true|real|real-life) ", m.group(0)[m.group(0).find(
                " on ") + 4:] if " on " in m.group(0) else "") or kind in ("events", "event"):
            continue  # "based on a true story": no work it comes from
        root = work
        while root.endswith(("-remake", "-reboot", "-sequel")) and doc.predecessor(root) not in (
                None, root):
            root = doc.predecessor(root) or root
        adj = m.group("adj").strip()
        if re.match(r"(?:her|his|their)\b", adj) and re.search(
                r"\bwho\b[^.;:—–()]*$", s.text[:m.start()]):
            continue  # "author Charlaine Harris, who already has one hit series based on
            # her novels to her credit": another work of the person's, named later
        adj = re.sub(r"^(?:her|his|their|its) ", "", adj)
        screen = re.fullmatch(r"film|movie|(?:TV |television )?(?:series|show)", kind)
        # "an adaptation of Terry Gilliam's 1981 cult classic movie": a film or series
        # adapted again carries its title ("Time Bandits (1981 movie)"), not "cult classic movie"
        name = doc.name_of(root) if m.group("same") or not adj else f"{adj} {kind}"
        if adj and not m.group("same") and not re.search(r"series|show|film|movie", kind):
            # "adaptation of Matt Ruff's best-selling novel", "adaptation of the iconic video
            # game": the source as the text names it with its author's possessive, else by
            # the adaptation's title ("Sonic the Hedgehog (video game)"); never the bare
            # description, which names nothing ("best-selling novel")
            owner = m.group("author")
            name = (m.group(0)[m.group(0).find(owner):] if owner and doc.is_person(doc.trim(owner))
                    else f"{doc.name_of(root)} ({kind})")
        if adj and not m.group("same") and screen and not any(
                w in _GENRE_WORDS for w in adj.split()):
            name = f"{doc.name_of(root)} ({' '.join(x for x in (m.group('y'), kind) if x)})"
        type_ = "TVSeries" if re.search(r"series|show", kind) else (
            "Movie" if kind in ("film", "movie") else "CreativeWork")
        title = m.group("title")
        if title and not m.group("same") and is_title_case(title) and title != "By":
            # "based on Liu Cixin's best-selling novel The Three-Body Problem".
            source = doc.entity(title, type_, "based-on", m.group(0))
        else:
            source = doc.derived(f"{root}-{kind.replace(' ', '-')}", type_, name, "based-on",
                                 m.group(0))
        doc.add(work, "basedOn", m.group(0), pos, "based-on", 0.7, obj=source)
        genres = [w for w in adj.split() if w in _GENRE_WORDS]
        if genres and not title:
            # "the bestselling fantasy novels": the source's genre
            doc.add(source, "genre", m.group(0), pos, "based-on", 0.55, value=" ".join(genres))
        if m.group("y"):
            doc.add(source, "datePublished", m.group(0)[m.group(0).find(m.group("y")) - 4:],
                    pos, "based-on", 0.65, value=m.group("y"))
        author = m.group("author") or m.group("author2")
        if author and doc.type_of(doc.lookup(author)) in WORK_TYPES:
            author = None
        if author and doc.is_person(doc.trim(author)):
            person = doc.entity(doc.trim(author), "Person", "based-on", m.group(0))
            doc.add(source, "author", m.group(0), pos, "based-on", 0.65, obj=person)


def rule_reimagining(doc: Doc, s: Sentence) -> None:
    """"Steven Spielberg's "Amazing Stories" is the first, a reimagining of the original
    anthology series": the original the work is based on."""
    for m in _REIMAGINING.finditer(s.text):
        work = doc.work_at(s.start + m.start(), s)
        if work is None or work.endswith(("-reboot", "-remake")):
            continue
        type_ = "TVSeries" if re.search(r"series|show", m.group("name")) else "Movie"
        source = doc.derived(f"{work}-original", type_, m.group("name"), "reimagining",
                             m.group(0))
        doc.add(work, "basedOn", m.group(0), s.start + m.start(), "reimagining", 0.6,
                obj=source)


_RENEWAL = re.compile(r"\b(?:renew(?:ed|s|ing)|picked up|brought back)\b(?P<mid>[^.;!?]{0,90}?)"
                      r"\bfor (?:an?|its|their) (?:[\w-]+ )?(?:and (?:final|last) )?"
                      r"(?:season|series)\b|\brenewed (?:\w+ ){0,8}?for (?i:season) \d{1,2}\b")


_RENEWED_CUE = re.compile(r"\b(?:renew|picked up|brought back)")


def rule_renewed(doc: Doc, s: Sentence) -> None:
    """"Disney+ has renewed its post-apocalyptic political thriller Paradise for a second
    series", "Killing Eve has been renewed for a third season", "The Morning Show … had been
    renewed for Season 2": the season named is renewed (its series and number come from
    the season itself)."""
    if not _RENEWED_CUE.search(s.text):
        return
    for m in _RENEWAL.finditer(s.text):
        a, b = s.start + m.start(), s.start + m.end()
        seasons = [w for x, y, w in doc.work_spans if a <= x and y <= b + 2
                   and doc.type_of(w) == "TVSeason"]
        if not seasons or re.search(r"\bnot\b|n[’']t\b", s.text[:m.start()]):
            continue
        start = s.start if b - s.start <= 200 else a
        doc.add(seasons[-1], "developmentStatus", doc.text[start:b], start, "renewed", 0.7,
                value="renewed")


DOC_RULES = [in_production]
RULES = [rule_based_on, rule_renewed, rule_predecessor, rule_based_on_title, rule_reimagining, rule_numbered_sequel, rule_and_the_sequel, rule_year_apposition, rule_year_of_predecessor, rule_sequel, rule_status, rule_development, rule_genre, rule_genre_subject, rule_title_is_genre, rule_title_synopsis, rule_kind_before_title, rule_genre_list, rule_kind_after_title, rule_possessive_title, rule_service_kind, rule_year_title,
         rule_description]
