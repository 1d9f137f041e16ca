"""Pass 2, attribution frames: the speaker phrase around each quotation (issue 9's patterns)."""

import pytest

from tests.quote_helpers import assert_named_speaker, run, speaker_of


def test_long_apposition_after_the_speaker(nlp):
    text, quotes, findings = run(nlp, (
        "“It was a long night,” said Jane Roe, a strategist from Boston who worked on both of "
        "the mayor's campaigns."))
    assert speaker_of(text, quotes, "long night") == ("Jane Roe", "named")
    assert findings == []


def test_title_name_and_apposition_before_the_verb(nlp):
    text, quotes, findings = run(nlp, (
        "“We held the line,” said Col. Sam Poe.\n"
        "“The convoy left at dawn,” Maj. Jane Roe, an army press officer in Kabul, said."))
    assert speaker_of(text, quotes, "convoy") == ("Maj. Jane Roe", "named")
    assert findings == []


@pytest.mark.parametrize("text, words, speaker", [
    ("The plan, in the words of an adviser, is “dead on arrival.”", "dead", "an adviser"),
    ("The plan, an aide said, “is dead on arrival.”", "dead", "an aide"),
    ("A Pentagon official who asked not to be named to discuss the budget said, “The cuts are "
     "coming.”", "cuts", "A Pentagon official"),
])
def test_unnamed_speakers_keep_their_phrase(nlp, text, words, speaker):
    text, quotes, findings = run(nlp, text)
    assert speaker_of(text, quotes, words) == (speaker, "anonymous")
    assert [f.code for f in findings] == ["quote.anonymous"]


def test_partial_quote_goes_to_the_subject_of_its_sentence(nlp):
    text, quotes, findings = run(nlp, (
        "In January, Gov. John Doe thanked the nurses for their “quiet courage.”"))
    assert speaker_of(text, quotes, "quiet courage") == ("Gov. John Doe", "named")
    assert findings == []


def test_a_reporting_verb_up_the_sentence_wins_over_a_nearer_subject(nlp):
    text, quotes, _ = run(nlp, (
        "McConnell says that voters want a leader, but instead the president is giving them "
        "“lectures and distractions.”"))
    assert speaker_of(text, quotes, "lectures")[0] == "McConnell"


@pytest.mark.parametrize("text, words, speaker", [
    ("Pollsters agree - Carl Bialik: “Keep on contacting voters as late as possible.”",
     "contacting", "Carl Bialik"),
    ("The surge does not surprise Republican pollster Daron Shaw: “Lesser-known candidates "
     "gain the most.”", "Lesser-known", "Daron Shaw"),
])
def test_a_name_before_a_colon_introduces_its_words(nlp, text, words, speaker):
    text, quotes, findings = run(nlp, text)
    found, kind = speaker_of(text, quotes, words)
    assert speaker in found and kind == "named"
    assert findings == []


def test_a_dateline_is_never_the_speaker(nlp):
    text, quotes, _ = run(nlp, (
        "WASHINGTON, Aug. 24 (UPI) — A spokesman for the campaign called the report about "
        "donors and access to the department “outrageous.”"))
    found, _ = speaker_of(text, quotes, "outrageous")
    assert found is None or "WASHINGTON" not in found


@pytest.mark.parametrize("text, words, speaker", [
    ("Kasich says he would sit the president down and tell him “no more nonsense.”",
     "nonsense", "Kasich"),
    ("Jane Roe argued that a database would stop fraud, saying it is “all about management.”",
     "management", "Jane Roe"),
])
def test_the_outer_reporter_speaks_for_the_clause_it_reports(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words)[0] == speaker


@pytest.mark.parametrize("text, words, speaker", [
    ("Jane Roe criticised the plan, which Tom Poe called “a disgrace.”", "disgrace", "Tom Poe"),
    ("“We are done,” Jane Roe said as the heckler yelled: “You lost!”", "You lost", "the heckler"),
])
def test_a_clause_with_its_own_reporter_keeps_it(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words)[0] == speaker


def test_a_credit_line_on_its_own_line_names_the_speaker(nlp):
    text, quotes, findings = run(nlp, (
        "We checked the claims.\n\n\"Almost all new income is going to the top 1 percent.\"\n\n"
        "- Jane Roe.\n\nThe figure is right."))
    assert speaker_of(text, quotes, "new income") == ("Jane Roe", "named")
    assert findings == []


@pytest.mark.parametrize("text, words, speaker", [
    ("“Not us, but we can’t argue with it!” Murphy, the head of Right to Rise USA, tweeted on "
     "Friday with an image of the skywriting.", "argue", "Murphy"),
    ("“It is about time that we had a woman running this country,” exhorted the rally’s "
     "host, actress Jane Roe.", "about time", "host"),
    ("Fundraising was “stagnant for about a month or six weeks” as donors waited to see how the "
     "race played out, Tom Poe said.", "stagnant", "Tom Poe"),
])
def test_speakers_after_the_quote_in_less_common_orders(nlp, text, words, speaker):
    text, quotes, findings = run(nlp, text)
    found, kind = speaker_of(text, quotes, words)
    assert speaker in found and kind == "named"
    assert findings == []


def test_a_short_title_before_a_verb_is_not_a_quote_and_its_object(nlp):
    text, quotes, _ = run(nlp, "Jane Roe, star of “Scandal,” thanked Obama for the change.")
    assert speaker_of(text, quotes, "Scandal")[0] != "Obama"


def test_a_guessed_speaker_that_is_an_object_is_no_speaker(nlp):
    text, quotes, _ = run(nlp, (
        "Jane Roe gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat "
        "her in November.”"))
    assert speaker_of(text, quotes, "defeat")[0] != "the ruckus"


@pytest.mark.parametrize("text, words, speaker", [
    ("She went on: “It is like a leaking house and a phone book with no plumber in it.”",
     "leaking", "She"),
    ("The Roe campaign, in a note on the controversy, worded it more carefully: “Her practice "
     "was to write to officials on their own accounts.”", "practice", "The Roe campaign"),
    ("Since she joined the race, Jane Roe has been a strong voice with a simple message: "
     "“Fight for every vote in every state.”", "Fight", "Jane Roe"),
])
def test_the_subject_of_a_sentence_ending_in_a_colon_owns_the_words(nlp, text, words, speaker):
    text, quotes, findings = run(nlp, text)
    assert speaker_of(text, quotes, words)[0] == speaker
    assert findings == []


def test_a_bracketed_outlet_after_an_excerpt_is_its_source(nlp):
    text, quotes, findings = run(nlp, (
        "HOW THE SLOWDOWN SPREADS “The slowdown is fostering a cycle of decline and panic "
        "across the world.” [WaPo.]"))
    assert speaker_of(text, quotes, "slowdown is") == ("WaPo", "named")
    assert findings == []


def test_new_reporting_verbs_name_their_subject(nlp):
    text, quotes, findings = run(nlp, (
        "As the Rainmakers sang back in the 1980s, “They will turn us all into beggars because "
        "they are easier to please.”"))
    assert speaker_of(text, quotes, "beggars")[0] == "the Rainmakers"
    assert findings == []


@pytest.mark.parametrize("text, words, speaker", [
    ("The ad targets a “corrupt political system that keeps in place a rigged economy.”",
     "rigged", "The ad"),
    ("A footnote in the report makes that clear: “These assessments do not apply to the system "
     "used by the principals.”", "assessments", "A footnote in the report"),
])
def test_a_document_heading_the_sentence_gives_its_partial_quote(nlp, text, words, speaker):
    assert_named_speaker(nlp, text, words, speaker)


def test_a_verb_putting_out_a_statement_reports_its_subjects_words(nlp):
    text, quotes, findings = run(nlp, (
        "Immediately after the attacks, Jane Roe issued a statement, “Last night, our nation "
        "was attacked. It was the worst attack on our soil in years.”"))
    assert speaker_of(text, quotes, "Last night") == ("Jane Roe", "named")
    assert findings == []


def test_the_owner_of_a_speech_act_noun_owns_the_quote_inside_it(nlp):
    text, quotes, _ = run(nlp, (
        "The worries go beyond Jane Roe's controversial pledge to be “neutral” during the talks."))
    found, kind = speaker_of(text, quotes, "neutral")
    assert "Jane Roe" in found and kind == "named"


def test_a_share_of_respondents_speaks_for_the_poll_named_before_it(nlp):
    text, quotes, findings = run(nlp, (
        "In a September Post-ABC News poll, 75 percent of Republicans said the party's leaders "
        "had “failed” them."))
    found, kind = speaker_of(text, quotes, "failed")
    assert "poll" in found and kind == "named"
    assert findings == []


@pytest.mark.parametrize("text, words, speaker", [
    ("In her speech, Jane Roe declared the need for courage: “Change the world, and then "
     "change it again,” she said.", "Change the world", "she"),
    ("The mood was grim, but “I think he will win,” said Mary Poe, a former governor.",
     "he will win", "Mary Poe"),
])
def test_a_report_right_after_a_comma_ended_quote_is_its_own(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words)[0] == speaker


def test_a_report_after_the_quote_that_opens_the_next_one_is_not_its_own(nlp):
    text, quotes, _ = run(nlp, (
        "After Scalia said that some students might do better at “less advanced schools,” "
        "Trump said: “I don't like what he said.”"))
    assert speaker_of(text, quotes, "less advanced")[0] == "Scalia"


def test_a_document_closing_the_sentence_is_the_source(nlp):
    text, quotes, findings = run(nlp, (
        "It also wants to stop state policies that have a “dramatic and disparate impact” on "
        "minorities, who are more likely to vote Democratic, the lawsuit says. For instance, the "
        "filing cites a study."))
    assert speaker_of(text, quotes, "disparate") == ("the lawsuit", "named")
    assert findings == []


def test_a_name_in_apposition_introduces_the_quote_after_a_colon(nlp):
    text, quotes, findings = run(nlp, (
        "One early supporter, Representative Lee Zeldin, gave the technique a whirl in an "
        "interview on Tuesday: “You can easily argue that the plan is a failure.”"))
    assert speaker_of(text, quotes, "easily argue") == ("Representative Lee Zeldin", "named")
    assert findings == []


def test_a_short_quote_inside_the_sentence_does_not_cut_its_frame(nlp):
    text, quotes, findings = run(nlp, (
        "In an attempt to make its point, the Daily News focuses on how many people the "
        "terrorists, armed with “assault weapons,” were able to kill: “In taking 129 lives in "
        "little more than half an hour, the attackers showed how deadly such weapons can be.”"))
    assert speaker_of(text, quotes, "129 lives") == ("the Daily News", "named")
    assert "quote.unattributed" not in [f.code for f in findings]


def test_a_second_report_joined_by_and_is_its_own_subjects(nlp):
    text, quotes, _ = run(nlp, (
        "The debate suggests a huge policy divide. Ted Cruz accuses Obama of \"leading from "
        "behind\" and Donald Trump says he's \"losing the war on terrorism,\" part of a verbal "
        "lashing they've administered."))
    assert speaker_of(text, quotes, "leading")[0] == "Ted Cruz"
    assert speaker_of(text, quotes, "losing")[0] == "Donald Trump"


def test_a_partial_quote_in_a_clause_goes_to_the_name_that_is_its_subject(nlp):
    text, quotes, findings = run(nlp, (
        "Clinton supports \"appropriate pay raises,\" opposes cuts and backs the unions."))
    assert speaker_of(text, quotes, "pay raises") == ("Clinton", "named")
    assert findings == []


@pytest.mark.parametrize("text, words", [
    ("The columnist George Will was not impressed. “This might, and should, hasten the eclipse "
     "of the outsiders,” Will wrote.", "eclipse"),
    ("Citing the attack as a wake-up call for the American people and their “reveries about "
     "treating the presidency as an entry-level job,” Will urged the Republican electorate to "
     "abandon the outsiders.", "reveries"),
])
def test_a_name_the_tagger_reads_as_a_modal_speaks(nlp, text, words):
    text, quotes, findings = run(nlp, text)
    assert speaker_of(text, quotes, words) == ("Will", "named")
    assert findings == []


def test_a_dash_before_a_quoted_statement_introduces_it_like_a_colon(nlp):
    text, quotes, findings = run(nlp, (
        "Trump also embraced enhanced interrogation techniques -- \"I think waterboarding is "
        "peanuts compared to what they'd do to us.\""))
    assert speaker_of(text, quotes, "waterboarding") == ("Trump", "named")
    assert findings == []


@pytest.mark.parametrize("text, words, speaker", [
    ("Moscow warned that the new sanctions were “a grave mistake” and would be answered.",
     "grave mistake", "Moscow"),
    ("Schumer thanked him too. Washington, star of television’s “Scandal,” thanked Obama for "
     "“taking these steps to make us ALL safer.”", "taking these steps", "Washington"),
])
def test_a_place_name_as_the_subject_can_speak(nlp, text, words, speaker):
    assert_named_speaker(nlp, text, words, speaker)


@pytest.mark.parametrize("text, words, source", [
    ("“I ask you as a personal courtesy to me not to protest on the floor,” Sanders said, "
     "according to CNN.", "personal courtesy", "CNN"),
    ("According to ProPublica, Clinton praised her “wonderful donors” in the audience.",
     "wonderful donors", "ProPublica"),
])
def test_according_to_names_the_source_the_writer_relies_on(nlp, text, words, source):
    text, quotes, findings = run(nlp, text)
    assert speaker_of(text, quotes, words) == (source, "named")
    assert findings == []


def test_the_reporting_verb_the_quote_hangs_from_wins_over_a_nearer_one(nlp):
    text, quotes, findings = run(nlp, (
        "Stuart Stevens, a Republican operative and Mitt Romney's chief strategist in his 2012 "
        "presidential campaign, said the way the Clinton operation disparaged women who "
        "complained about the president's behavior in the 1990s ''would be all but "
        "disqualifying in a Democratic primary'' nowadays."))
    assert speaker_of(text, quotes, "disqualifying") == ("Stuart Stevens", "named")
    assert findings == []


def test_a_guessed_speaker_that_is_an_object_stands_for_its_verbs_subject(nlp):
    text, quotes, findings = run(nlp, (
        "Hastily politicizing the tragedy in Nice ― much like he did after the deadly attacks in "
        "Paris\u00a0in January of last year ― Trump\u00a0cast the blame on his democratic "
        "rivals\u00a0in the U.S., and emphasized the threat that “Islamic terrorism” poses to the "
        "world."))
    assert speaker_of(text, quotes, "Islamic terrorism") == ("Trump", "named")
    assert findings == []


def test_according_to_after_the_quote_wins_over_the_sentence_before(nlp):
    text, quotes, findings = run(nlp, (
        "One message, apparently referring to air strikes, said: “You kill innocent women and "
        "children by doing us air strikes ... now taste the vengeance,” according to a letter "
        "from the chairman of the committee."))
    assert speaker_of(text, quotes, "innocent women")[0].startswith("a letter")
    assert [f.code for f in findings] == []


def test_a_document_that_speaks_is_its_publishers(nlp):
    text, quotes, findings = run(nlp, (
        "Democratic presidential candidate Bernie Sanders is releasing a new 30-second ad that "
        "urges voters in New York to “send a message” to Wall Street banks and billionaires."))
    assert speaker_of(text, quotes, "send a message") == (
        "Democratic presidential candidate Bernie Sanders", "named")
    assert findings == []


@pytest.mark.parametrize("text, words, speaker, kind", [
    ("The tactic has been called “quiet diplomacy” by Jane Roe, a professor at the state "
     "university.", "quiet diplomacy", "Jane Roe", "named"),
    ("The levy, often labeled as a “tax grab” by critics, passed on Monday.", "tax grab",
     "critics", "anonymous"),
])
def test_the_agent_after_a_passive_naming_verb_is_the_source(nlp, text, words, speaker, kind):
    # the parse hangs "by X" from the quoted noun; the passive verb before the quote names X
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words) == (speaker, kind)


def test_by_after_a_quote_with_no_passive_verb_names_nobody(nlp):
    text, quotes, _ = run(nlp, "She wrote “the end” by hand on the last page.")
    assert speaker_of(text, quotes, "the end")[0] != "hand"


@pytest.mark.parametrize("text, words, speaker", [
    ("Senator Jane Roe was booed by protesters after telling them that they were “being "
     "childish.”", "childish", "Senator Jane Roe"),
    ("By noon the mayor was forced to apologise and said that her remarks had been “taken out "
     "of context.”", "out of context", "the mayor"),
    ("A lawsuit was filed in March alleging that the agency had acted with “reckless "
     "disregard.”", "reckless", "A lawsuit"),
    ("Senator Jane Roe was shouted down by protesters after telling them that they were “being "
     "childish.”", "childish", "Senator Jane Roe"),
    ("Senator Jane Roe was booed and shouted down by protesters after telling them that they "
     "were “being childish.”", "childish", "Senator Jane Roe"),
])
def test_a_clause_hanging_from_a_passive_one_speaks_for_its_subject(nlp, text, words, speaker):
    # the participle or conjoined verb borrows the passive clause's subject, not its agent
    assert_named_speaker(nlp, text, words, speaker)


@pytest.mark.parametrize("text, words, speaker", [
    ("When the mayor suggested that the budget was fine, Jane Roe fired back: “The budget is a "
     "mess.”", "a mess", "Jane Roe"),
    ("After the governor criticized the plan during a debate, Jane Roe shot back, “I wrote the "
     "plan.”", "wrote the plan", "Jane Roe"),
])
def test_the_verb_that_introduces_a_quote_beats_a_report_in_a_clause_before(nlp, text, words, speaker):
    assert_named_speaker(nlp, text, words, speaker)


def test_the_agent_who_holds_a_quoted_view_beats_the_sentence_subject(nlp):
    # "seen by X as “…”" on the quote's chain of clauses: X holds the view, not the talks
    text, quotes, _ = run(nlp, (
        "The talks will turn to ballot access, an option seen by organizers as a “lifeboat” "
        "for the party."))
    assert speaker_of(text, quotes, "lifeboat") == ("organizers", "anonymous")


@pytest.mark.parametrize("text, words, speaker", [
    ("The mayor met Jane Roe, who called the plan “a fraud.”", "fraud", "Jane Roe, who"),
    ("Senator Sam Poe, who has long described the deal as “a giveaway,” voted against it on "
     "Monday.", "giveaway", "Senator Sam Poe, who"),
    ("“We will win,” said Sam Poe, the party's chief strategist, who added that the plan was "
     "“a fraud.”", "fraud", "Sam Poe, the party's chief strategist, who"),
])
def test_a_quote_inside_a_relative_clause_runs_the_speaker_to_its_pronoun(nlp, text, words, speaker):
    # the relative clause's subject is the pronoun: the phrase holds it and what it stands for
    assert_named_speaker(nlp, text, words, speaker)


def test_a_subject_before_a_quote_its_report_follows_keeps_its_whole_name(nlp):
    assert_named_speaker(nlp, (
        "Jane Roe, who has long called the plan “a fraud,” said on Monday that she would vote "
        "against it."), "fraud", "Jane Roe, who")


@pytest.mark.parametrize("text, words, speaker", [
    ("“The evidence is insufficient,” according to a court document filed by the county "
     "attorney.", "insufficient", "a court document filed by the county attorney"),
    ("“We will not give up,” Roe said on Monday, according to audio provided by a local radio "
     "station.", "give up", "audio provided by a local radio station"),
])
def test_a_text_made_by_someone_keeps_its_maker_in_the_speaker_phrase(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words)[0] == speaker


@pytest.mark.parametrize("text, words, speaker", [
    ("The ruling prompted Governor Jane Roe to declare, “This fight is not over.”", "fight",
     "Governor Jane Roe"),
    ("The defeat led Mr. Smith to tell reporters that the party needed “a new direction.”",
     "direction", "Mr. Smith"),
])
def test_the_object_of_the_verb_an_infinitive_report_hangs_from_is_its_speaker(nlp, text, words, speaker):
    assert_named_speaker(nlp, text, words, speaker)


def test_a_partial_quote_in_a_things_relative_clause_is_that_things(nlp):
    text = ("Senator Jane Roe discussed legislation which would revoke the clearance of officials "
            "showing “extreme carelessness” with secrets.")
    text, quotes, findings = run(nlp, text)
    speaker, kind = speaker_of(text, quotes, "carelessness")
    assert speaker.endswith("which") and kind == "named"
    assert findings == []


def test_a_pronoun_naming_something_in_a_free_relative_speaks_for_the_clause_subject(nlp):
    assert_named_speaker(nlp, "Senator Jane Roe has railed against what she calls the “Washington "
                         "cartel” for years.", "cartel", "Senator Jane Roe")


def test_of_two_subjects_the_parse_gives_one_verb_the_nearest_is_its_own(nlp):
    # a broken parse makes the place of a dateline-like opening a second subject of "said"
    assert_named_speaker(nlp, (
        "Tuesday at Baldwin Wallace University in Berea, OH, after winning the Ohio primary, "
        "Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”"),
        "covered wagon", "Gov. John Kasich")


@pytest.mark.parametrize("text, speaker", [
    ("But Mrs. Clinton would do well to begin “building bridges” to Mr. Sanders, said David "
     "Axelrod, a former senior strategist for the Obama campaign.", "David Axelrod"),
    ("But Mrs. Clinton would do well to begin “building bridges” to Mr. Sanders, David Axelrod "
     "said.", "David Axelrod"),
    # a report of its own in another clause is no outer report of the first
    ("Mrs. Clinton began “building bridges” to Mr. Sanders, and Mr. Axelrod said it worked.",
     "Mrs. Clinton"),
])
def test_a_report_after_the_quote_whose_complement_holds_it_is_the_source(nlp, text, speaker):
    # the sentence before the report is what its subject said: the outer report wins
    assert_named_speaker(nlp, text, "bridges", speaker)


def test_a_report_closing_the_sentence_far_after_a_partial_quote_is_its_source(nlp):
    # no frame beside the quote: the sentence's own report after it, past the MAX_AFTER window
    assert_named_speaker(nlp, (
        "That would create a “summer of agony” for Clinton leading up to the convention, forcing "
        "her to fend off both Trump and Sanders, said Brad Bannon, a Democratic pollster and "
        "consultant."), "summer of agony", "Brad Bannon")


@pytest.mark.parametrize("text, words, speaker", [
    # a participle the parser read as a finite verb (its "subject" a participial phrase), and an
    # "according to" that reports another clause: the agent after the closing mark is the source
    ("Boasting a population of farmers and professors, with its capital in Terre Haute, called "
     "the “Crossroads of America” by the citizens, the county votes for the winner, according "
     "to Politico.", "Crossroads", "the citizens"),
    ("The inquiry looked into the Benghazi tragedy — often labeled as a “witch hunt” by "
     "Democrats — and found nothing.", "witch hunt", "Democrats"),
    # the "according to" reports the passive clause itself: the outer report stays the source
    ("The bill was called “a giveaway” by critics, according to the Associated Press.",
     "giveaway", "the Associated Press"),
])
def test_a_passive_agent_after_the_closing_mark(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words)[0] == speaker


def test_the_one_by_whom_a_speech_act_is_made_owns_its_words(nlp):
    # "the suggestion by X that …": the agent of the nominalised report, like "X's suggestion"
    text, quotes, _ = run(nlp, (
        "The paper apologised for the racial remarks and for the suggestion by a potential "
        "president that someone “ought to look into” the judge."))
    assert speaker_of(text, quotes, "look into") == ("a potential president", "anonymous")


@pytest.mark.parametrize("text, words, speaker", [
    # the parse hangs the participle on a far clause whose subject is a thing: the clause that
    # ends at the comma before it speaks
    ("The first incident came during a speech at the State University of New York at Purchase, "
     "when Sanders protesters interrupted her speech, shouting “she wins, we lose!”", "she wins",
     "Sanders protesters"),
])
def test_a_participle_after_a_clause_is_that_clauses_subjects(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words)[0] == speaker



def test_a_report_the_parse_joins_to_a_quoted_verb_is_the_quotes_reporters(nlp):
    # "and insisted" hangs on the quoted "try": its subject is no subject of the report
    assert_named_speaker(nlp, (
        "It has no obvious partner for that. Rajoy said Monday that he will \"try to form a "
        "stable government\" and insisted that his party was \"still the No. 1 force in Spain.\""),
        "No. 1", "Rajoy")


@pytest.mark.parametrize("text, words, speaker", [
    # the chant is the object of the group's verb
    ("Ms. Vance attacked the former governor, and at one point the crowd loudly reprised the "
     "old chant “Send him home! Send him home!”", "Send him", "the crowd"),
    # the chant is where a causative verb sends its object
    ("Playing a judge at a mock hearing, Mr. Oakes roused the audience to spontaneous chants of "
     "“Lock him up!”", "Lock him", "the audience"),
    # a participle after a comma: the clause that ends at the comma chants
    ("Baird spoke at the docks owned by the shipping magnate Jon Ferris — where about 40 "
     "strikers had gathered on Monday morning, chanting \"no deal, no work\".", "no deal",
     "about 40 strikers"),
    # "to dance and cheer for": the one who cheers, not the one who got them to
    ("A local band called The Loomers got the crowd to dance and cheer for \"Mayor Dana "
     "Whitfield.\"", "Dana Whitfield", "the crowd"),
])
def test_a_chant_or_cheer_is_the_chanting_groups(nlp, text, words, speaker):
    text, quotes, findings = run(nlp, text)
    assert speaker_of(text, quotes, words) == (speaker, "anonymous")
    assert [f.code for f in findings if f.code == "quote.anonymous"]


def test_a_named_chanter_keeps_the_chant_and_a_broken_list_keeps_its_first_noun(nlp):
    # a named subject who leads the chant is its source, named: no warning
    assert_named_speaker(nlp, "Senator Ruiz then reprised the chant “Four more years!”",
                         "Four more", "Senator Ruiz")
    # the parse makes a list's second noun the subject of a relative clause: the phrase is the
    # whole list, headed by its first noun
    text, quotes, _ = run(nlp, (
        "A mix of farm workers, opponents of the state water plan and anti-tax activists joined "
        "in a loud chant of \"Build it now!\""))
    assert speaker_of(text, quotes, "Build it")[0].startswith("A mix of farm workers")


def test_a_document_that_reads_the_words_is_their_source_when_the_tagger_makes_read_a_noun(nlp):
    # "the editorial read": tagged as an adjective and a noun, the document is still the subject
    text, quotes, findings = run(nlp, (
        "“Vote no on the school levy and keep our town the way it is,” the editorial read."))
    assert speaker_of(text, quotes, "school levy") == ("editorial", "named")
    assert findings == []


@pytest.mark.parametrize("text, words, speaker", [
    # the possessive's mark is the owner's child ("’s" as case), or a bare apostrophe after a
    # name ending in s that the parse leaves a lone mark
    ("The mayor left early. In Smith’s words, “the system is rigged against us.”", "rigged",
     "Smith’s"),
    ("He moved to Tel Aviv because, in Forbes’ words, “they are the most entrepreneurial places "
     "on the planet.”", "entrepreneurial", "Forbes"),
])
def test_in_a_possessives_words_the_owner_speaks(nlp, text, words, speaker):
    text, quotes, findings = run(nlp, text)
    assert speaker_of(text, quotes, words) == (speaker, "named")


@pytest.mark.parametrize("text", [
    "One fan in the stands yelled, “Harris,” Patel joked, “Welcome aboard, pal! Step up and take a seat!”",
    ("A woman in the front row shouted, “Nolan,” Jones joked, again using a deep voice, "
     "“Welcome aboard, pal! Step up and take a seat!”"),
])
def test_two_speakers_in_one_sentence_keep_their_own_quotes(nlp, text):
    # the quote right after "yelled," is the fan's; the one after "Patel joked" is Patel's,
    # however the parse hangs the second report from the first
    text, quotes, _ = run(nlp, text)
    first, second = quotes[0], quotes[1]
    assert first.speaker.kind == "anonymous"
    assert second.speaker.kind == "named"
    assert text[second.speaker.span.start : second.speaker.span.end] in ("Patel", "Jones")


@pytest.mark.parametrize("text, phrase, kind", [
    # the tagger reads "states" as a plural noun: the report is still the words before it
    ("The group turned to schools. “Class sizes will shrink,” a narration over the footage states.",
     "a narration over the footage", "named"),
    # the parse hangs "notes" inside the noun phrase ("to the mayor notes"): the aide reports
    ("“The buses will run late,” an aide to the mayor notes.", "an aide to the mayor", "anonymous"),
])
def test_a_report_misread_inside_the_phrase_before_it_still_reports(nlp, text, phrase, kind):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, "will") == (phrase, kind)


def test_the_subject_of_a_that_clause_after_a_quote_is_not_its_speaker(nlp):
    # "note" right after the quote is no inverted report ("“…,” said Roe"): the "he" after it
    # belongs to the clause "that he had bought …", and the quote stays with Roe's sentence
    text, quotes, _ = run(nlp, "To show his mood, Roe went on to promote “Summer Nights,” note "
                               "that he had just bought the old mill in town, and boast about his new golf club.")
    assert speaker_of(text, quotes, "Summer Nights") == ("Roe", "named")


def test_a_participle_after_a_short_quote_of_a_verb_that_reports_nothing_borrows_its_subject(nlp):
    # "…, saying" hangs from "deemed", whose object is a short quote: "deemed" reports nothing,
    # so the quote before "saying" is no report of its own and the participle takes the
    # subject of the clause "deemed" hangs from (the parse is written out: the model's varies)
    from spacy.tokens import Doc

    from server.quotes import marks
    from server.quotes.frames import Frames

    rows = [  # word, space after, tag, pos, dep, head
        ("She", True, "PRP", "PRON", "nsubj", 1), ("joined", True, "VBD", "VERB", "ROOT", 1),
        ("aides", True, "NNS", "NOUN", "dobj", 1), ("in", True, "IN", "ADP", "prep", 1),
        ("citing", True, "VBG", "VERB", "pcomp", 3), ("files", True, "NNS", "NOUN", "dobj", 4),
        ("later", True, "RB", "ADV", "advmod", 7), ("deemed", True, "VBD", "VERB", "advcl", 1),
        ("“", False, "``", "PUNCT", "punct", 7), ("secret", False, "NN", "NOUN", "dobj", 7),
        (",", False, ",", "PUNCT", "punct", 7), ("”", True, "''", "PUNCT", "punct", 7),
        ("saying", False, "VBG", "VERB", "advcl", 7), (":", True, ":", "PUNCT", "punct", 1),
        ("“", False, "``", "PUNCT", "punct", 1), ("The", True, "DT", "DET", "det", 16),
        ("audit", True, "NN", "NOUN", "nsubj", 17), ("is", True, "VBZ", "AUX", "ccomp", 1),
        ("bad", False, "JJ", "ADJ", "acomp", 17), (".", False, ".", "PUNCT", "punct", 17),
        ("”", False, "''", "PUNCT", "punct", 17),
    ]
    doc = Doc(nlp.vocab, words=[r[0] for r in rows], spaces=[r[1] for r in rows],
              tags=[r[2] for r in rows], pos=[r[3] for r in rows], deps=[r[4] for r in rows],
              heads=[r[5] for r in rows])
    frames = Frames(doc, marks.find_quotes(doc.text))
    assert frames.subject_of(doc[12]).text == "She"
    # a shout before the next report keeps its own quote ("Someone shouted, “Roe,” Smith joked")
    assert frames.is_cue(doc[7]) is False


@pytest.mark.parametrize("text, words, speaker", [
    # the quote lies in a clause of time with a subject of its own who can say it: theirs
    ("The governor visited the plant after Jane Roe organized a “march for fair wages” in the "
     "capital.", "march for", "Jane Roe"),
    ("Senator Ann Lee left the hall when Bob Stone pushed for a “complete overhaul” of the tax "
     "code.", "complete overhaul", "Bob Stone"),
    # the quote in the main clause, or the clause of time with nobody in it: the sentence's subject
    ("When Bob Stone left the party, Senator Ann Lee pushed for a “complete overhaul” of the tax "
     "code.", "complete overhaul", "Senator Ann Lee"),
    ("Gov. Ann Lee praised the crews for their “quiet courage” when the storm passed.",
     "quiet courage", "Gov. Ann Lee"),
    # a condition inside what someone said is no clause of its own speaker
    ("Senator Ann Lee said she would resign if Bob Stone pushed for a “complete overhaul” of the "
     "tax code.", "complete overhaul", "Senator Ann Lee"),
])
def test_a_partial_quote_in_a_clause_of_time_is_that_clauses_subjects(nlp, text, words, speaker):
    assert_named_speaker(nlp, text, words, speaker)


@pytest.mark.parametrize("text, words, speaker", [
    # the quote ends in a comma inside the sentence's opening clause: the main clause after it
    # ("Tom Hale has struggled") is no report of it
    ("While his mother could rely on the union vote in 1994, when she devoted her campaign to the "
     "“working poor,” Tom Hale has struggled to find a clear theme for his race.", "working poor",
     ("she", "pronoun")),
    # a quote and the clause after it with a verb of its own, no opening clause: still its report
    ("“The river is cleaner than it was,” Jane Roe shot back.", "river is", ("Jane Roe", "named")),
])
def test_the_main_clause_after_an_opening_clause_quote_is_not_its_report(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words) == speaker


@pytest.mark.parametrize("text, words", [
    # the quote's clause opens with its conjunction and subject before the quote, its verb inside
    ('Although the union leaders were "deeply disappointed by the ruling and the way it was '
     'reached," he will not appeal.', "deeply disappointed"),
])
def test_the_main_clause_after_a_quote_in_a_subordinate_clause_is_not_its_report(nlp, text, words):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words)[0] != "he"


@pytest.mark.parametrize("text, words, speaker", [
    # the quote is the subject of a passive verb whose agent follows it in the sentence
    ("The so-called “Clean River Plan” was drafted by Senator Tom Hale.", "Clean River",
     ("Senator Tom Hale", "named")),
    ("The phrase “fair shares” was used twice, by Mayor Jane Roe.", "fair shares",
     ("Mayor Jane Roe", "named")),
    # an agent that is no one who can speak gives no speaker
    ("The “river tax” was passed by the council in May.", "river tax", (None, "none")),
])
def test_a_passive_agent_after_the_quote_is_its_source(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words) == speaker


def test_a_report_inside_a_with_phrase_is_not_the_clause_outside_its_words(nlp):
    # "…, with Senator Roe telling reporters he saw it as “…”": the with-phrase has a subject of
    # its own; the report outside it ("Ohio responds") did not say what Roe told reporters
    # (the parse is written out: the model's varies)
    from spacy.tokens import Doc

    from server.quotes import marks
    from server.quotes.frames import Frames

    rows = [  # word, space after, tag, pos, dep, head
        ("Ohio", True, "NNP", "PROPN", "nsubj", 1), ("responds", True, "VBZ", "VERB", "ROOT", 1),
        ("to", True, "IN", "ADP", "prep", 1), ("storms", False, "NNS", "NOUN", "pobj", 2),
        (",", True, ",", "PUNCT", "punct", 1), ("with", True, "IN", "ADP", "prep", 1),
        ("Senator", True, "NNP", "PROPN", "compound", 7), ("Roe", True, "NNP", "PROPN", "nsubj", 8),
        ("telling", True, "VBG", "VERB", "pcomp", 5), ("reporters", True, "NNS", "NOUN", "dobj", 8),
        ("he", True, "PRP", "PRON", "nsubj", 11), ("saw", True, "VBD", "VERB", "ccomp", 8),
        ("it", True, "PRP", "PRON", "dobj", 11), ("as", True, "IN", "ADP", "prep", 11),
        ("“", False, "``", "PUNCT", "punct", 13), ("a", True, "DT", "DET", "det", 16),
        ("disgrace", False, "NN", "NOUN", "pobj", 13), ("”", False, "''", "PUNCT", "punct", 13),
        (".", False, ".", "PUNCT", "punct", 1),
    ]
    doc = Doc(nlp.vocab, words=[r[0] for r in rows], spaces=[r[1] for r in rows],
              tags=[r[2] for r in rows], pos=[r[3] for r in rows], deps=[r[4] for r in rows],
              heads=[r[5] for r in rows])
    frames = Frames(doc, marks.find_quotes(doc.text))
    assert frames.subject_of(doc[8]).text == "Roe"
    assert frames._outer_reporter(doc[8], 0, 14) is None


@pytest.mark.parametrize("text, words, speaker", [
    # a cleft: the sentence's subject is "it"; the relative clause holding the quote speaks for
    # the one it stands for, and the phrase runs on to the pronoun
    ("In the end it was Senator Jane Roe who pushed for a “grand bargain” on taxes.",
     "grand bargain", ("Senator Jane Roe who", "named")),
    # the sentence's own subject can speak: it keeps the quote
    ("Gov. Ann Lee met voters who wanted a “fresh start” for the town.", "fresh start",
     ("Gov. Ann Lee", "named")),
])
def test_a_cleft_gives_the_quote_to_the_one_the_relative_pronoun_stands_for(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words) == speaker


@pytest.mark.parametrize("text, words, speaker", [
    # the quote hangs from a second main clause with a subject of its own ("she has long used
    # …"): the reporting verb of the first clause ("promised") does not report it
    ("Roe is the only mayor here to have promised to visit every school and she has long used "
     "that record to needle her rivals, Tom Hale and Ann Lee, for not teaching “the local way.”",
     "local way", ("she", "pronoun")),
    # one subject for both verbs: the report is hers
    ("Jane Roe promised to fix the roads and said the plan was “a done deal.”", "done deal",
     ("Jane Roe", "named")),
])
def test_a_second_main_clause_with_its_own_subject_keeps_its_quote(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words) == speaker


@pytest.mark.parametrize("text, words, speaker", [
    # a clause of concession hung on the reporting verb is set against the report, not what it
    # reports: the quote in it is its own subject's
    ("Agency director Jane Roe decided not to recommend charging the firm at a briefing on Monday "
     "even though she found “clear signs” of waste in its books.", "clear signs", ("she", "pronoun")),
    ("Director Tom Hale declined to recommend any charges on Friday although he saw “serious "
     "lapses” in the records.", "serious lapses", ("he", "pronoun")),
    # a clause of time under the report may be what it describes: the report keeps it
    ("Jane Roe described the mood when Tom Hale pitched a remake of “Night Harbor,” the old crime "
     "show.", "Night Harbor", ("Jane Roe", "named")),
])
def test_a_clause_of_concession_under_a_report_keeps_its_own_quote(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words) == speaker


@pytest.mark.parametrize("text, words, speaker", [
    # a participle describing people the sentence's verb takes as its object: they do what the
    # quote names, not the subject who has or employs them
    ("The agency now has over 40 inspectors compiling detailed “safety dossiers” on every plant "
     "in the state.", "safety dossiers", ("over 40 inspectors", "anonymous")),
    # no participle: the sentence's subject keeps the quote
    ("Gov. Ann Lee thanked the nurses for their “quiet courage.”", "quiet courage",
     ("Gov. Ann Lee", "named")),
])
def test_people_a_participle_describes_do_what_the_quote_names(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words) == speaker


@pytest.mark.parametrize("text, words, speaker", [
    # a report whose subject is a thing ("the quarrel echoes") does not take a quote from the
    # clause of time under it that has a speaker of its own
    ("The quarrel with the family echoes a dispute in May when Senator Jane Roe attacked a judge, "
     "Tom Hale, for his “foreign ties.”", "foreign ties", ("Senator Jane Roe", "named")),
    ("The new fight recalls a feud last year when Mayor Tom Hale mocked the council for its “slow "
     "hands.”", "slow hands", ("Mayor Tom Hale", "named")),
    # a person who recalls it keeps the report
    ("Senator Ann Lee recalled a feud last year when Mayor Tom Hale mocked the council for its "
     "“slow hands.”", "slow hands", ("Senator Ann Lee", "named")),
])
def test_a_thing_that_echoes_a_clause_of_time_leaves_the_quote_to_that_clause(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words) == speaker


def test_a_sentence_ending_in_its_own_report_is_the_reporters_whatever_the_parse(nlp):
    # ", said X." closing the sentence reports all of it, the quotes early in it too
    text, quotes, findings = run(nlp, (
        "The pledge to “drain the swamp” and “put workers first” appeals to voters who feel that "
        "nobody in the capital listens to them anymore, said Ann Hill, a pollster in Ohio."))
    assert [speaker_of(text, quotes, w) for w in ("drain", "workers")] == [("Ann Hill", "named")] * 2
    assert findings == []


def test_a_surname_of_the_article_read_as_an_adverb_is_the_speaker(nlp):
    # "Early" right before the verb, capitalised mid-sentence and a name met before: the subject
    assert_named_speaker(nlp, (
        "The county chairman, Sam Early, backed the plan in March. Told of the new poll, Early "
        "described it as “a pleasant surprise.”"), "pleasant surprise", "Early")


def test_a_capitalised_adverb_that_names_nobody_of_the_article_is_no_speaker(nlp):
    text, quotes, _ = run(nlp, (
        "The county chairman backed the plan in March. Told of the new poll, Early described it "
        "as “a pleasant surprise.”"))
    assert speaker_of(text, quotes, "pleasant surprise")[0] != "Early"


@pytest.mark.parametrize("text, speaker", [
    # a question ends its sentence: a clause after it doing something to an object is no report
    ("Jane Roe turned to the clerk. “Is the vote recorded?” The clerk checked the ledger twice.",
     ("Jane Roe", "named")),
    # a clause with no object after it still is ("“Why?” she shot back"), as is a speech verb
    ("“Is the vote recorded?” the clerk asked the mayor.", ("the clerk", "named")),
    ("“Is the vote recorded?” a reporter can be heard asking.", ("a reporter", "anonymous")),
])
def test_a_clause_with_an_object_after_a_question_is_a_new_sentence(nlp, text, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, "vote recorded") == speaker


@pytest.mark.parametrize("text, speaker", [
    # "what he called" speaks for the clause subject it agrees with, and for the owner of the
    # words when the sentence is about someone's claim
    ("Perhaps Mr. Hale's most surprising claim was that Ms. Roe had acted in what he called “a "
     "reckless and dangerous way.”", "Mr. Hale's"),
    ("In the end, Mrs. Roe acted in what he called “a reckless and dangerous way.”", "he"),
])
def test_what_he_called_speaks_for_a_subject_it_can_stand_for(nlp, text, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, "reckless")[0] == speaker


@pytest.mark.parametrize("text, words, speaker", [
    # an age used as a noun is a person who may speak, though tagged an adjective of a date
    ("“What if he had taken elocution lessons?” the 43-year-old asked in the video’s caption.",
     "elocution", "the 43-year-old"),
    ("The 19-year-old said he was “terrified the whole time.”", "terrified", "The 19-year-old"),
])
def test_an_age_used_as_a_noun_is_the_speaker(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words)[0] == speaker


@pytest.mark.parametrize("text, words, speaker", [
    # a quote set between dashes is an aside; the clause after the second dash is no report
    ("When Mayor Jane Roe finally finished — “This city will rise again!” — the confetti fell on "
     "the crowd.", "rise again", ("Mayor Jane Roe", "named")),
    ("As the senator left the stage — “We will win this fight!” — the band started to play.",
     "win this fight", (None, "none")),
])
def test_the_clause_after_a_quote_between_dashes_is_not_its_report(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words) == speaker


def test_a_person_named_in_a_coordinated_title_is_in_the_speaker_phrase(nlp):
    # the parse joins "news and talk Otto Brandt" to the title: the name stays in the phrase
    text, quotes, findings = run(nlp, (
        "Northwind Radio Vice President for news and talk Otto Brandt called the program “the "
        "finest hour on the air.”"))
    phrase, kind = speaker_of(text, quotes, "finest hour")
    assert "Otto Brandt" in phrase and kind == "named"
    assert findings == []


@pytest.mark.parametrize("text, words, speaker", [
    ("The Brennan campaign forecasts that “turnout among young voters” will double in the fall.",
     "turnout among", "The Brennan campaign"),
    ("The Acme Corporation projects that “sales will fall sharply” next year.",
     "sales will fall", "The Acme Corporation"),
])
def test_a_reporting_verb_read_as_a_noun_is_told_by_its_place(nlp, text, words, speaker):
    # a subject before it, "that" and the quote after it: the verb of the clause, whatever word
    assert_named_speaker(nlp, text, words, speaker)


def test_a_noun_before_that_is_no_report_of_a_thing(nlp):
    text, quotes, _ = run(nlp, "The summer months show that “nobody wants to stay in the city.”")
    assert speaker_of(text, quotes, "nobody wants")[1] != "named"


def test_only_a_verb_putting_a_text_out_reports_its_words(nlp):
    # "handled emails": a statement noun as object of a verb that does not put it out
    text, quotes, _ = run(nlp, (
        "Jane Roe spoke at length on the radio. On Friday, she joined other critics in seizing "
        "on news that the city's computer system had handled emails later deemed “top secret,” "
        "a finding the city disputes."))
    assert speaker_of(text, quotes, "top secret")[0] != "the city's computer system"
    # "sent an email", "released a letter": the verb puts the text out
    for text in ("Jane Roe sent an email to supporters: “We will never negotiate with the "
                 "union again.”",
                 "The DNC released a letter on Monday, “We will never negotiate with the union "
                 "again.”"):
        text, quotes, _ = run(nlp, text)
        assert speaker_of(text, quotes, "never negotiate")[1] == "named"


@pytest.mark.parametrize("text, words, speaker", [
    ("At the hearing, Senator Ann Hill told Tom Lee: “You will answer the question or leave.”",
     "answer the question", "Senator Ann Hill"),
    ("Later that night the mayor asked Jane Roe: “Will you run again?”", "run again", "the mayor"),
])
def test_the_person_told_before_a_colon_is_not_the_speaker(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words)[0] == speaker


def test_a_name_before_a_colon_still_speaks_when_no_one_tells_it(nlp):
    text, quotes, _ = run(nlp, "The result doesn't surprise the pollster Tom Lee: “Turnout was "
                               "always going to be low.”")
    assert speaker_of(text, quotes, "Turnout")[0] == "Tom Lee"


@pytest.mark.parametrize("text, words, speaker", [
    ("“Turnout will be low in the suburbs,” Jane Roe forecast on Tuesday.", "Turnout", "Jane Roe"),
    ("“The river will crest by Friday,” the weather service forecasts.", "river will crest",
     "the weather service"),
])
def test_a_report_after_a_quote_read_as_a_noun_takes_the_quotes_clause(nlp, text, words, speaker):
    # the quote's clause hangs from the word as a complement: a noun takes none, so it reports
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words) == (speaker, "named")


@pytest.mark.parametrize("text, words, speaker", [
    ("“Turnout will be low in the suburbs,” one strategist predicts.", "Turnout", "one strategist"),
    ("“The river will crest by Friday,” a senior official notes.", "river will crest",
     "a senior official"),
])
def test_an_unnamed_source_before_a_verb_read_as_a_noun_stays_unnamed(nlp, text, words, speaker):
    # the parse hangs "one"/"a" (and "official", read as an adjective) from the misread verb
    text, quotes, findings = run(nlp, text)
    assert speaker_of(text, quotes, words) == (speaker, "anonymous")
    assert [f.code for f in findings] == ["quote.anonymous"]


@pytest.mark.parametrize("text, words, speaker, kind", [
    ("A senior official notes: “The river will crest by Friday.”", "river", "A senior official",
     "anonymous"),
    ("A senior official forecasts that “the river will crest by Friday.”", "river",
     "A senior official", "anonymous"),
    ("The campaign projects: “Turnout will be low in the suburbs.”", "Turnout", "The campaign",
     "named"),
])
def test_a_verb_read_as_a_noun_before_a_colon_or_that_reports(nlp, text, words, speaker, kind):
    # a person noun read as its adjective is the subject; the colon, like "that", opens its words
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words) == (speaker, kind)


@pytest.mark.parametrize("text, speaker, kind", [
    ("Jane Roe noticed a post by a local pastor: “The council has failed every family in this "
     "town.”", "a local pastor", "anonymous"),
    ("Jane Roe shared an email from Tom Lee: “The council has failed every family in this town.”",
     "Tom Lee", "named"),
])
def test_the_author_of_a_text_before_a_colon_owns_its_words(nlp, text, speaker, kind):
    # the subject only came upon the text: its author, after "by" or "from", wrote the words
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, "council has failed") == (speaker, kind)


@pytest.mark.parametrize("text", [
    "The bishop is mediating between Mr Roe and the generals, who want to “clean up the party "
    "and end the corruption in his circle,” a senior political source told Reuters.",
    "The mayor is caught between Mr Lee and the councillors, who hope to “stop the tower before "
    "it wrecks the skyline of the old town,” a city hall source told the Herald.",
])
def test_an_apposition_never_reaches_back_across_the_quote(nlp, text):
    # the parse hangs the unnamed source after the quote on the name before it, as its
    # apposition; the quotation lies between them, so the source is its own speaker
    text, quotes, findings = run(nlp, text)
    found, kind = speaker_of(text, quotes, "“")
    assert kind == "anonymous" and found in ("a senior political source", "a city hall source")
    assert [f.code for f in findings] == ["quote.anonymous"]


@pytest.mark.parametrize("text, words", [
    ("Jane Roe is angry. “Is this the green town we really wish to encourage?” A council "
     "spokesman said: “The annual charge falls far short of covering running costs.”", "green town"),
    ("“Let us be clear,” Jane Roe wrote. “If you are offended by this post, that is your fault.” "
     "A council spokesman added: “The post breaks no rule of the forum.”", "offended"),
])
def test_a_report_ending_on_a_colon_opens_the_next_quote_not_the_one_before(nlp, text, words):
    # "A council spokesman said:" introduces the words after the colon; the quote before it is
    # the earlier speaker's, not the spokesman's
    text, quotes, findings = run(nlp, text)
    assert speaker_of(text, quotes, words) != ("A council spokesman", "anonymous")
    assert speaker_of(text, quotes, "rule of the forum" if "forum" in text else "running costs") == (
        "A council spokesman", "anonymous")
    assert [f.code for f in findings] == ["quote.anonymous"]


@pytest.mark.parametrize("text, speaker", [
    ("Critics say the budget is “a fraud,” as Jane Roe said on Tuesday.", "Jane Roe"),
    ("Residents say the new tower is “a blot on the skyline,” as council leader Tom Lee told the "
     "Herald.", "council leader Tom Lee"),
])
def test_an_as_clause_right_after_a_comma_quote_is_its_report(nlp, text, speaker):
    # "“…,” as X said": the report adjoining the quote, its marker "as" first, is the quote's
    # own, over the unnamed subject of the sentence's verb before it
    assert_named_speaker(nlp, text, "“", speaker)


def test_a_sentence_after_a_question_is_no_report_of_it(nlp):
    # after "?”" a capital determiner opens the next sentence; its verb reports nothing
    text, quotes, _ = run(nlp, (
        "Divers heard tapping on the hull. The code spelt out a question: “Is there any hope?” "
        "All of the sailors aboard the sunken submarine perished."))
    assert speaker_of(text, quotes, "any hope")[0] != "All of the sailors aboard the sunken submarine"


@pytest.mark.parametrize("text, words, speaker", [
    ("“Would it be negotiable?” Hannity pressed.", "negotiable", "Hannity"),  # a name the model may tag a noun
    ("“Why now?” she shot back.", "now", "she"),
])
def test_a_report_after_a_question_still_speaks(nlp, text, words, speaker):
    text, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, words)[0] == speaker
