"""The quotation analysis, pattern by pattern: who said it, and what the reader is warned about.

Each test names one pattern of DESIGN.md's "What the analysis must get right" and issue 3.
"""

from pathlib import Path

import pytest

from server import quotes as quote_analysis

SEED = Path(__file__).parent / "fixtures" / "seed" / "sevsk-article.txt"


@pytest.fixture(scope="module")
def run(nlp):
    """run(text) → (text, quotes, findings) with helpers to look a quote up by its words."""

    def analyze(text):
        return Result(text, *quote_analysis.analyze(nlp(text)))

    return analyze


class Result:
    def __init__(self, text, quotes, findings):
        self.text, self.quotes, self.findings = text, quotes, findings

    def quote(self, words):
        matches = [q for q in self.quotes if words in self.text[q.span.start : q.span.end]]
        assert matches, f"no quotation contains {words!r}: {[self.said(q) for q in self.quotes]}"
        return matches[0]

    def said(self, q):
        return self.text[q.span.start : q.span.end]

    def speaker(self, words):
        sp = self.quote(words).speaker
        return self.text[sp.span.start : sp.span.end] if sp.span else None

    def kind(self, words):
        return self.quote(words).speaker.kind

    def resolved(self, words):
        return self.quote(words).speaker.resolved

    def finding(self, words):
        q = self.quote(words)
        found = [f for f in self.findings if f.span == q.span]
        return found[0] if found else None

    def codes(self):
        return sorted(f.code for f in self.findings)


# --- where the speaker is --------------------------------------------------------------------


def test_speaker_after_inverted(run):
    r = run("“We will not give up,” said Maria Lopez, a teacher from Texas.")
    assert r.speaker("give up") == "Maria Lopez"
    assert r.kind("give up") == "named"
    assert r.findings == []


def test_speaker_after(run):
    r = run("“The talks are over,” Mamer said on Monday.")
    assert r.speaker("talks") == "Mamer"
    assert r.text[r.quote("talks").cue.start : r.quote("talks").cue.end] == "said"


def test_speaker_before_with_colon(run):
    r = run("Opposition leader Kemi Badenoch asked: “Why has every promise been broken?”")
    assert "Kemi Badenoch" in r.speaker("promise")


def test_speaker_before_partial_quote(run):
    r = run("In an interview, Mr Obama said it was “distressing” to see no progress.")
    assert r.speaker("distressing") == "Mr Obama"
    assert r.quote("distressing").speech


def test_name_and_colon(run):
    assert run("Smith: “We will win this fight in the courts.”").speaker("win") == "Smith"


def test_any_verb_after_a_comma_closed_quote(run):
    r = run("“Nobody believes that any more,” Badenoch shot back.")
    assert r.speaker("Nobody") == "Badenoch"
    assert r.findings == []


def test_according_to(run):
    r = run("According to Margrethe Vestager, “the rules apply to everyone, no matter how big”.")
    assert r.speaker("rules apply") == "Margrethe Vestager"
    assert r.text[r.quote("rules").cue.start : r.quote("rules").cue.end] == "According to"


def test_split_quote_speaker_inside(run):
    r = run("“We strongly disagree,” Jane Smith said, “and we will appeal.”")
    assert r.speaker("disagree") == "Jane Smith"
    assert r.speaker("appeal") == "Jane Smith"


def test_continuation_inherits_the_speaker(run):
    r = run("“The evacuation is proceeding,” Pushilin said. “This is about our people.”")
    assert r.speaker("our people") == "Pushilin"


def test_speaker_in_previous_sentence_he_added(run):
    r = run("Piotr Nowak was more measured. He added: “We will recover, but it will take years.”")
    assert r.speaker("recover") == "He"
    assert r.resolved("recover") == "Piotr Nowak"


def test_quote_after_a_reporting_sentence_belongs_to_its_subject(run):
    r = run("Smith said the plan was flawed.\n“It will never work. Nobody believes it.”")
    assert r.speaker("never work") == "Smith"
    r = run("A senior official said the talks had stalled.\n“There is nothing left to discuss.”")
    assert r.finding("nothing left").code == "quote.anonymous"


def test_captions_between_paragraphs_are_skipped(run):
    text = (
        "“People dismiss us,” says Te Kaurinui.\n"
        "- Whangārei Harbour seen from Tamaterau, with mangroves\n"
        "“We are not foreigners in this land. We did not take this land.”"
    )
    assert run(text).speaker("foreigners") == "Te Kaurinui"


def test_paragraph_long_quote_continues_the_speaker_before(run):
    text = '"It is distressing," Mr Obama said.\n"There will be tensions. But we will manage."'
    r = run(text)
    assert r.resolved("tensions") == r.resolved("distressing")
    assert r.findings == []


def test_quote_running_over_a_paragraph_break(run):
    text = (
        "Jane Doe described the fire.\n"
        '"The smoke came first," Doe said. "Then the alarms. We carried patients down.\n'
        '"I still hear it when I close my eyes."\n'
        "An inquiry will begin on Monday."
    )
    r = run(text)
    assert r.quote("Then the alarms").speaker.resolved == "Jane Doe"
    assert r.quote("I still hear").speaker.resolved == "Jane Doe"
    assert r.findings == []


def test_quote_closed_on_the_next_line(run):
    text = (
        "“It was a symbol,” said a senior official who spoke on condition of anonymity. "
        "“Its fall removes an obstacle.\nThis is a turning point.” The report highlights that "
        "the capture matters."
    )
    r = run(text)
    q = r.quote("Its fall")
    assert r.said(q).endswith("turning point.”")
    assert r.finding("Its fall").code == "quote.anonymous"


def test_unclosed_quote_with_its_own_attribution(run):
    r = run('"He was the bravest man I knew, said his trainer, Angelo Dundee.\nHe died in 2012.')
    assert r.speaker("bravest") == "Angelo Dundee"
    assert r.findings == []


def test_interview_answers_belong_to_the_person_introduced(run):
    r = run(
        "Maria Okafor has worked as a nurse for 19 years. She spoke to us about the flood.\n"
        "What happened that night?\n"
        "“The alarms went off around 2am. The water was at our ankles.”\n"
        "Did management know?\n"
        "“Everybody knew. We had reported leaks six times.”"
    )
    assert r.findings == []
    assert r.speaker("alarms went off") == "Maria Okafor"
    assert r.speaker("Everybody knew") == "Maria Okafor"


def test_one_question_of_the_writer_is_no_interview(run):
    r = run(
        "Mayor Ann Lee opened the bridge in May.\nWhy did it fail so soon?\n"
        "“The whole span will collapse within weeks.”\nEngineers are now inspecting it."
    )
    assert r.finding("span will collapse").code == "quote.unattributed"


def test_headline_partial_quote_takes_the_speaker_of_the_fuller_quote_below(run):
    r = run(
        "Coach 'insisting he finishes his term' after defeat\n"
        "'He is insisting he finishes his term,' a source said."
    )
    assert r.kind("insisting he finishes his term'") == "anonymous"
    assert r.speaker("insisting he finishes his term'") == "a source"


def test_headline_quote_reported_in_the_lede_takes_the_lede_speaker(run):
    r = run(
        "Leader and wife 'insisting he finishes his term', as priest mediates\n"
        "The president and his wife are under house arrest and are insisting the 93 year-old "
        "finishes his presidential term, a source said."
    )
    assert r.finding("insisting").code == "quote.anonymous"
    assert r.speaker("insisting") == "a source"


def test_identical_repeated_titles_do_not_borrow_a_speaker(run):
    r = run(
        "“One girl can be silenced, but a nation becomes free” slideshow\n"
        "“One girl can be silenced, but a nation becomes free” slideshow “I pray every night "
        "for a hero.” Fatimah Grade 9"
    )
    assert r.quote("One girl").speaker.kind == "none"


def test_credit_line_after_a_quote(run):
    r = run("“You can’t always trust people. My hero would be honest.” Ateya Grade 9 (Herat)")
    assert r.speaker("hero") and r.speaker("hero").startswith("Ateya")


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The minister pledged to deliver “every single home we promised” by 2030.", "The minister"),
        ("Jane Doe accused the council of “wilful neglect of the estate”.", "Jane Doe"),
        ("Tom Reyes welcomed the verdict as “a victory for every family here”.", "Tom Reyes"),
        ("Ana Silva conceded that the plan had been “badly communicated from day one”.",
         "Ana Silva"),
    ],
    ids=["pledged", "accused", "welcomed", "conceded"],
)
def test_partial_quote_after_news_verbs(run, text, speaker):
    r = run(text)
    assert r.findings == []
    assert speaker in r.speaker("“")


def test_characterising_verb_takes_a_partial_quote(run):
    r = run("The transport secretary, Mark Harper, called the strike “deeply disappointing”.")
    assert r.quote("deeply").speech
    assert r.speaker("deeply") == "Mark Harper"
    r = run("The government has rejected the criticism as “politically motivated”.")
    assert r.speaker("politically") == "The government"
    assert r.findings == []


# --- pronouns and surnames --------------------------------------------------------------------


def test_pronoun_resolves_to_the_person_named_before(run):
    text = "Tunisia's Prime Minister Habib Essid spoke. “Our nation is in danger,” he said."
    r = run(text)
    assert r.kind("danger") == "pronoun"
    assert r.resolved("danger") == "Habib Essid"
    assert r.findings == []


@pytest.mark.parametrize(
    "text",
    [
        "Smith, 45, said: “The crowd was huge.”\nPolice arrived late.\n“It was chaos,” he said.",
        "Okoro told the court: “I was scared.”\nThe jury saw footage.\n“It was chaos,” he said.",
        "Okoro said the plan was flawed from the start.\n“It was chaos,” he said.",
    ],
    ids=["age", "first-person", "subject-of-said"],
)
def test_pronoun_after_a_lone_surname_the_model_misses_as_a_person(run, text):
    r = run(text)
    assert r.findings == []
    assert r.kind("chaos") == "pronoun"
    assert r.resolved("chaos") in ("Smith", "Okoro")


def test_surname_resolves_to_the_full_name(run):
    text = (
        "Denis Pushilin, the head of the Donetsk People’s Republic, spoke again.\n"
        "“We are building a new reality here,” Pushilin stated."
    )
    r = run(text)
    assert r.kind("new reality") == "named"
    assert r.resolved("new reality") == "Denis Pushilin"


def test_title_and_surname_resolve_to_the_full_name(run):
    text = "Eric Reeves said he was appalled. “These guys are the worst,” said Mr. Reeves."
    assert run(text).resolved("worst") == "Eric Reeves"


# --- anonymous sources ------------------------------------------------------------------------

ANONYMOUS = [
    ("“We were blindsided,” said a senior official.", "a senior official"),
    ("“There is no deal,” one Western diplomat told reporters.", "one Western diplomat"),
    ("“It is over,” officials said.", "officials"),
    ("“The president will not resign,” sources said.", "sources"),
    ("A person familiar with the matter said: “The deal is dead.”", "A person familiar"),
    ("“They are furious,” said people familiar with the matter.", "people familiar"),
    (
        "“We were ready,” said a defense official who spoke on condition of anonymity.",
        "a defense official",
    ),
    (
        "“We are facing an enemy,” said a Ukrainian military spokesperson, who requested "
        "anonymity.",
        "a Ukrainian military spokesperson",
    ),
    (
        "“The build-up is significant,” said a NATO officer who was not authorized to speak "
        "publicly.",
        "a NATO officer",
    ),
    ("“It is a mess,” an aide to the prime minister said.", "an aide"),
    ("American officials said the strike killed “a senior commander” of the group.", "officials"),
    ("A Whitehall insider was blunter: ‘Everyone knew this pledge was dead by the summer.’",
     "A Whitehall insider"),
    ("“We had no water for an hour,” said a firefighter at the scene.", "a firefighter"),
]


@pytest.mark.parametrize("text, speaker", ANONYMOUS, ids=[s for _, s in ANONYMOUS])
def test_unnamed_sources_are_anonymous(run, text, speaker):
    r = run(text)
    assert len(r.findings) == 1
    finding = r.findings[0]
    assert finding.code == "quote.anonymous"
    assert finding.severity == "caution"
    sp = finding.details["speaker"]
    assert sp.kind == "anonymous"
    assert speaker in text[sp.span.start : sp.span.end]
    assert finding.message.startswith("Attributed to an unnamed source: ")
    assert speaker in finding.message


def test_anonymous_message_and_details(run):
    r = run("“SevSk was a symbol,” said one anonymous Western defense official.")
    f = r.findings[0]
    assert f.message == "Attributed to an unnamed source: one anonymous Western defense official"
    assert set(f.details) == {"speaker", "cue", "reason"}
    assert r.text[f.details["cue"].start : f.details["cue"].end] == "said"
    assert f.details["reason"]


def test_lede_speaker_named_with_an_age_in_the_next_paragraph_is_named(run):
    r = run(
        "Doorman tells of stabbing\n"
        "A man who was working the door told a jury he saw “people running in every direction”.\n"
        "Harrison, 45, said: “I was there when the first fight broke out.”"
    )
    assert r.findings == []
    assert r.kind("running in every direction") == "named"


def test_a_spokesman_before_a_newly_named_person_stays_anonymous(run):
    r = run(
        "Club in turmoil\n"
        "A spokesman said: “We do not comment on speculation.”\n"
        "Carter, 41, said: “When I played, you never dreamed of it.”"
    )
    assert r.finding("speculation").code == "quote.anonymous"


def test_continuation_of_an_anonymous_quote_is_anonymous(run):
    r = run("“We lose ground,” said an official. “But we hold the line.”")
    assert r.codes() == ["quote.anonymous", "quote.anonymous"]


def test_pronoun_for_an_unnamed_source_stays_anonymous(run):
    r = run("A senior official described the talks. “They went badly,” he said.")
    assert r.finding("went badly").code == "quote.anonymous"


def test_pronoun_for_a_person_described_is_a_pronoun_not_an_unnamed_source(run):
    # a bystander described but not named is no source kept unnamed (kinds.py says why)
    r = run("A caller phoned the radio show. “They can be planted among us,” he said.")
    assert r.kind("planted among us") == "pronoun"
    assert r.codes() == []


def test_a_relative_pronoun_for_a_person_described_is_a_pronoun(run):
    # "who" speaks, and points back at people merely described: like "he", it raises nothing
    r = run("Will their editors, who once called these stories “spinach,” read them now?")
    assert r.speaker("spinach") == "their editors, who"
    assert r.kind("spinach") == "pronoun"
    assert r.resolved("spinach") == "their editors"
    assert r.codes() == []


def test_a_relative_pronoun_for_an_unnamed_source_stays_anonymous(run):
    # the antecedent is a noun of unnamed sourcing: the quotation keeps its warning
    r = run("The budget worried an official, who said the cuts were “a disaster for the army.”")
    assert r.speaker("disaster") == "an official, who"
    assert r.finding("disaster").code == "quote.anonymous"


def test_they_does_not_point_back_at_one_unnamed_person(run):
    # "they" are several: the one spokesman quoted before is not who "they" stand for
    r = run("“We are ready,” a spokesman for the campaign said. The Democrats met on Monday. "
            "“We will win the state,” they said.")
    assert r.finding("We are ready").code == "quote.anonymous"
    assert r.kind("win the state") == "pronoun"
    assert [f.code for f in r.findings] == ["quote.anonymous"]


def test_they_after_unnamed_aides_stays_anonymous(run):
    r = run("“We are ready,” aides to the governor said. “We will win the state,” they said.")
    assert r.codes() == ["quote.anonymous", "quote.anonymous"]


def test_the_same_noun_again_points_back_at_an_unnamed_source(run):
    r = run(
        "A firefighter who was not authorized to speak publicly said crews were exhausted.\n"
        "“We’re running on fumes,” the firefighter said."
    )
    assert r.finding("running on fumes").code == "quote.anonymous"


def test_the_same_noun_again_after_a_named_introduction_is_named(run):
    r = run(
        "A firefighter, Jane Doe, said crews were exhausted.\n"
        "“We’re running on fumes,” the firefighter said."
    )
    assert r.findings == []


# --- named people and organisations raise nothing ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“Two officers were injured,” the interior ministry said.",
        "“The rules apply to all,” the European Commission said in a statement.",
        "Reuters reported that the city was “under siege”, citing residents.",
        "“We do not comment,” said Pentagon press secretary John Kirby.",
        "“Failure is an option here,” Elon Musk tweeted in 2015.",
        "«Paris will not be intimidated,» Hidalgo said on Monday.",
        "The leader of Ennahda, Rachid Ghannouchi, condemned the attack, saying it “will not "
        "break our will.”",
    ],
)
def test_named_people_and_organisations_raise_nothing(run, text):
    r = run(text)
    assert r.findings == [], [(f.code, f.message) for f in r.findings]
    assert all(q.speaker.kind in ("named", "pronoun") for q in r.quotes if q.speech)


# --- unattributed, and what is not speech ------------------------------------------------------


def test_unattributed_quote(run):
    r = run("The war was going badly.\n“The front will collapse within weeks. Everyone knows it.”")
    f = r.finding("front will collapse")
    assert f.code == "quote.unattributed"
    assert f.severity == "caution"
    assert f.message == "No speaker is named for this quotation."
    assert f.details["speaker"].kind == "none" and f.details["cue"] is None


@pytest.mark.parametrize(
    "text, words",
    [
        ("The so-called “liberation” of the city took three days.", "liberation"),
        ("Critics have dubbed the plan “Operation Mirage” since June.", "Operation Mirage"),
        ("She wrote the book “A Paradise Built in Hell” in 2009.", "Paradise"),
        ("Boxing legend Muhammad “The Greatest” Ali was remembered.", "Greatest"),
        ("The word “victory” appears 14 times in the document.", "victory"),
        ("This isn’t a “gotcha” exercise.", "gotcha"),
        ("He was always a “small l” liberal.", "small l"),
        ("Subtitled “The City’s Hidden Gardens,” the tour took in five venues.", "Hidden Gardens"),
    ],
)
def test_scare_quotes_titles_and_nicknames_are_not_speech(run, text, words):
    r = run(text)
    assert not r.quote(words).speech
    # nothing to warn about; a name coined by unnamed critics is at most an info note
    assert [f for f in r.findings if f.severity != "info"] == []
    assert all(f.code == "quote.anonymous" for f in r.findings)


def test_a_name_coined_by_an_unnamed_source_is_theirs_and_stays_a_name(run):
    # "dub" reports who coined the words; the quote is a name, so the note is only info
    r = run("The two senators are gunning for each other, in what one Latino conservative has "
            "dubbed “the yuca primary,” and the race goes on.")
    assert r.speaker("yuca") == "one Latino conservative"
    assert not r.quote("yuca").speech
    assert [(f.code, f.severity) for f in r.findings] == [("quote.anonymous", "info")]


def test_apostrophes_are_not_quotes(run):
    r = run("Kyiv’s leverage shrank in the ’90s, when rock ’n’ roll and the farmers’ union ruled.")
    assert r.quotes == [] and r.findings == []


# --- the seed article and honest reporting ------------------------------------------------------


def test_seed_article(run):
    text = SEED.read_text(encoding="utf-8")
    r = run(text)
    speech = [q for q in r.quotes if q.speech]
    assert len(speech) == 8
    anonymous = [r.said(q) for q in speech if q.speaker.kind == "anonymous"]
    assert len(anonymous) == 4
    assert [f.code for f in r.findings] == ["quote.anonymous"] * 4
    assert {f.span for f in r.findings} == {q.span for q in speech if q.speaker.kind == "anonymous"}
    pushilin = [q for q in speech if q.speaker.kind == "named"]
    assert len(pushilin) == 4
    assert {q.speaker.resolved for q in pushilin} == {"Denis Pushilin"}
    assert r.finding("This is a turning point").details["speaker"].kind == "anonymous"
    assert r.finding("Every day, we lose ground").details["reason"]


@pytest.mark.parametrize("separator", ["\n\n", "\r\n"], ids=["blank-line", "crlf"])
def test_seed_article_with_other_paragraph_separators(run, separator):
    text = SEED.read_text(encoding="utf-8").replace("\n", separator)
    r = run(text)
    assert [f.code for f in r.findings] == ["quote.anonymous"] * 4
    assert len([q for q in r.quotes if q.speech]) == 8


HONEST = """Tunisian Prime Minister Habib Essid said that a museum worker was killed.
“Our nation is in danger,” Essid declared in a televised address. He vowed that the country would be “merciless” in defending itself.
“This attack today is meant to threaten authorities,” said Lotfi Azzouz, Tunisia country director for Amnesty International.
The attack is “also aimed at the country’s security,” Azzouz said. “And it could have political repercussions.”
“We must pay attention to what is written” in that law, Azzouz said.
Ajmi Lourimi, a member of Ennahda’s general secretariat, said he believed the attack would unite Tunisians.
“There is a consensus here,” Lourimi said. He said he did not expect a crackdown.
“We have nothing to fear,” he said of himself and fellow members. “We believe the ministry should be trained.”
"""


def test_well_attributed_reporting_raises_nothing(run):
    r = run(HONEST)
    assert r.findings == [], [(r.said(q), q.speaker) for q in r.quotes]
    assert len([q for q in r.quotes if q.speech]) == 9
    assert r.resolved("nothing to fear") == "Ajmi Lourimi"


# --- robustness ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        '"',
        "“",
        "”",
        "“”",
        "''",
        "'",
        "« »",
        '""""""',
        "“Unclosed at the very end",
        "Closing only” here.” and ”",
        "🙂 “Emoji 👍🏽 inside,” said Zoë. \u200d\ufeff “Right-to-left مرحبا”",
        "e\u0301 “combining\u0301 marks,” he said",
        "\u0000“null\u0000 byte”",
        "“a ‘b” c’ \"d “e\" f” «g “h» i”",
    ],
)
def test_never_crashes(run, text):
    r = run(text)
    for q in r.quotes:
        assert 0 <= q.span.start < q.span.end <= len(text)


def test_unbalanced_marks_do_not_lose_the_rest_of_the_document(run):
    text = (
        'He is 6\'2" tall. One " stray mark here and “another unclosed one.\n'
        "“After the mess,” said an official, “the analysis goes on.”"
    )
    r = run(text)
    assert r.finding("After the mess").code == "quote.anonymous"
    assert r.finding("analysis goes on").code == "quote.anonymous"


def test_works_without_a_parse(nlp):
    doc = nlp.make_doc("“We were blindsided,” said a senior official. “Again.”\n“Unclosed")
    found, findings = quote_analysis.analyze(doc)
    assert len(found) == 3


def test_long_article_keeps_every_quotation(run, nlp):
    paragraph = (
        "“We will hold the line,” said a senior official who requested anonymity. "
        "Pushilin’s remarks echo earlier reports. “The evacuation is proceeding,” Pushilin said. "
        "The so-called “buffer zone” grows; the farmers’ union met in the ’90s.\n"
    )
    text = paragraph * 120  # ~30,000 characters, 360 quotations
    found, findings = quote_analysis.analyze(nlp(text))
    assert len(found) == 360
    assert sum(f.code == "quote.anonymous" for f in findings) == 120


def test_a_one_word_headline_quote_raises_no_warning_from_the_sentence_before(run):
    r = run("Warming seas are to blame, scientists think.\n‘Unprecedented’ strandings")
    assert r.findings == []


def test_a_one_or_two_word_quote_raises_no_warning_even_from_critics(run):
    result = run("Critics called the plan a “giveaway” to developers, a “massive mistake”.")
    # the speakers are unnamed, so the kind and the finding agree, but only as an info note
    assert result.findings and {f.severity for f in result.findings} == {"info"}
    assert {f.code for f in result.findings} == {"quote.anonymous"}
