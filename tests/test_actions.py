"""What the story's actors did: the predicate of a main sentence as the key, other actors' actions as the
wrong options. The sentences are real, from the development part of the quality corpus and the seed."""

from __future__ import annotations

import random

from quizkit.analysis import analyse
from quizkit.article import from_text
from quizkit.check import check_question
from quizkit.generate import actions
from tests.factories import sentence

EPSTEIN = (  # USA Today, "Prison guards charged in connection with Jeffrey Epstein's death" (dev)
    "Prison guards charged in connection with Jeffrey Epstein's death\n\n"
    "Two federal prison officers were charged Tuesday with falsifying records, stating they had checked on "
    "accused sex trafficker Jeffrey Epstein in the hours before he hanged himself in his Manhattan cell.\n\n"
    "Attorney General William Barr put Kathleen Hawk Sawyer in charge and ordered multiple investigations "
    "into the 66-year-old's suicide, focusing on operations at the Manhattan facility where Epstein was held.\n\n"
    "After Epstein's death, Barr reassigned the warden at the New York detention center, and prison officials "
    "placed Noel and Thomas on administrative leave.\n\n"
    "Figgins declined to address whether Thomas slept on the job on the night Epstein died.\n\n"
    "Prison officials regularly assigned civilian staffers to work guard duty to plug unfilled officer "
    "positions, she said.\n\n"
    "Hawk Sawyer acknowledged significant staffing shortages Tuesday, telling lawmakers that prison officials "
    "are working to fill 3,000 vacancies across the system.\n\n"
    "After the hearing, Hawk Sawyer issued a statement about the charges, saying, “I am committed to this "
    "agency and am confident we will restore the public’s trust in us.”"
)


def test_the_key_is_the_verb_and_its_complements_without_the_time_or_the_side_clause() -> None:
    a = actions.action(
        sentence(
            "Hawk Sawyer acknowledged significant staffing shortages Tuesday, telling lawmakers that prison "
            "officials are working to fill 3,000 vacancies across the system."
        )
    )
    assert a is not None
    assert (a.subject, a.phrase, a.form) == (
        "Hawk Sawyer",
        "acknowledged significant staffing shortages",
        "did",
    )


def test_present_perfect_and_a_subject_with_a_clause_set_off_by_commas() -> None:
    a = actions.action(  # Washington Post (dev)
        sentence(
            "Israel, which controls tax receipts, has pledged to punish the Palestinian Authority by freezing "
            "its tax revenue."
        )
    )
    assert a is not None and a.form == "has" and a.subject == "Israel"
    assert a.phrase == "pledged to punish the Palestinian Authority by freezing its tax revenue"


def test_a_pronoun_object_present_tense_and_attribution_give_no_action() -> None:
    rejected = [
        # "her": who? (Quanta Magazine, dev)
        "Once Fetter arrived in Building 24, Lorenz gave her a manual and a set of programming problems to "
        "practice, and before long she was up to speed.",
        # present tense, and a verb of saying (VOA, dev)
        "Carter says teams from other areas are converging on Christchurch.",
        # the action is the spokesman's report: "…, his spokesman said" (Telegraph, dev)
        "Fuelling speculation that Mnangagwa's plan might be rolling into action, opposition leader Morgan "
        "Tsvangirai, who has been receiving cancer treatment in Britain and South Africa, returned to Harare "
        "late on Wednesday, his spokesman said.",
        # a quotation is the point: "called the suicide a …" (USA Today, dev)
        "Cruz called the suicide a “profound indictment of the system.”",
        # an analysis sentence: the subject is a thing, the verb present (the seed)
        "Kazakhstan’s participation in the Abraham Accords signals that the U.S. continues to play a "
        "meaningful role in shaping alliances across the Muslim world.",
        # the subject is an event the person owns, not the person (USA Today, dev)
        "Epstein's sudden death triggered a wave of recriminations from his many victims.",
    ]
    for text in rejected:
        assert actions.action(sentence(text)) is None, text


def test_the_attribution_never_enters_a_phrase() -> None:
    s = sentence(
        "Prison officials regularly assigned civilian staffers to work guard duty to plug unfilled officer "
        "positions, she said."
    )
    assert actions.action(s) is None  # "officials" name no one: never a key
    side = actions.side_actions(s)
    assert [a.phrase for a in side] == ["assigned civilian staffers to work guard duty"]


def test_wrong_options_are_other_actors_actions_never_the_same_actors() -> None:
    analysis = analyse(from_text(EPSTEIN))
    qs = {c.question.answer: c.question for c in actions.candidates(analysis, random.Random(0))}
    q = qs["acknowledged significant staffing shortages"]
    assert q.prompt == "According to the article, what did Hawk Sawyer do?" and len(q.choices) == 4
    wrong = set(q.choices) - {q.answer}
    assert "issued a statement about the charges" not in wrong  # Hawk Sawyer did that too
    assert not any("Hawk Sawyer" in w for w in wrong)  # "put Kathleen Hawk Sawyer in charge" names her
    assert "slept on the job" not in wrong  # "whether Thomas slept…": not something the article says he did
    assert wrong == {
        "reassigned the warden at the New York detention center",
        "placed Noel and Thomas on administrative leave",
        "assigned civilian staffers to work guard duty",
    }
    assert not [f for f in check_question(q, analysis.article) if f.severity == "error"]


def test_no_question_without_three_other_actors_actions() -> None:
    text = EPSTEIN.split("After Epstein's death")[0]  # Barr and the officers only
    assert list(actions.candidates(analyse(from_text(text)), random.Random(0))) == []


WAPO = (  # Washington Post analysis of Obama and Netanyahu (dev), four of its sentences
    "Obama and Netanyahu\n\n"
    "In 1991, when Prime Minister Yitzhak Shamir opposed the Madrid peace talks, President George H.W. Bush "
    "held back loan guarantees to help absorb immigrants from the former Soviet Union.\n\n"
    "In his September 2013 address to the United Nations, Obama hailed signs of hope.\n\n"
    "Israel, which controls tax receipts, has pledged to punish the Palestinian Authority by freezing its "
    "tax revenue.\n\n"
    "Shamir gave in, but his government soon collapsed."
)


def test_matching_pairs_three_actors_with_what_each_did_and_passes_the_checks() -> None:
    analysis = analyse(from_text(WAPO))
    got = [
        c.question for c in actions.candidates(analysis, random.Random(0)) if c.question.type == "matching"
    ]
    assert len(got) == 1
    q = got[0]
    assert q.prompt == "Match each name with what the article says they did."
    assert q.answer == (
        ("President George H.W. Bush", "held back loan guarantees"),
        ("Obama", "hailed signs of hope"),
        ("Israel", "pledged to punish the Palestinian Authority by freezing its tax revenue"),
    )
    assert not check_question(q, analysis.article)


def test_no_matching_when_one_actor_may_have_done_anothers_action() -> None:
    # the Post's sentence edited so that Israel is named beside Obama's action
    text = WAPO.replace(
        "Obama hailed signs of hope", "Obama hailed signs of hope as Israel held back loan guarantees"
    )
    analysis = analyse(from_text(text))
    assert not [c for c in actions.candidates(analysis, random.Random(0)) if c.question.type == "matching"]


QUANTA = (  # Quanta Magazine on the programmers behind chaos theory (dev), five of its paragraphs
    "The hidden heroines of chaos\n\n"
    "Lorenz identified three properties of the system corresponding roughly to how fast convection was "
    "happening in the idealized beaker.\n\n"
    "“As a matter of fact, we tried out that once with the same equation to see what could happen,” Lorenz "
    "said. He then started to explain the unexpected result, which he wouldn’t publish for three more "
    "years.\n\n"
    "Meanwhile, Fetter married John Gille and moved with him when he went to Florida State University and "
    "then to Colorado.\n\n"
    "As an undergraduate at Yale in the 1980s, Sarah Gille sat in on a class about scientific programming.\n\n"
    "Two years after Hamilton first stepped on campus, Ellen Fetter showed up at MIT in much the same "
    "fashion. She interviewed with a woman who ran the LGP-30 in the nuclear engineering department, who "
    "recommended her to Hamilton, who hired her."
)


def test_a_he_or_she_action_is_a_wrong_option_only_far_from_the_keys_actor() -> None:
    analysis = analyse(from_text(QUANTA))
    qs = {c.question.answer: c.question for c in actions.candidates(analysis, random.Random(0))}
    lorenz = qs["identified three properties of the system"]
    assert "started to explain the unexpected result" not in lorenz.choices  # "He" follows Lorenz's words
    assert "interviewed with a woman" in lorenz.choices  # "She" in Fetter's paragraph
    fetter = qs["married John Gille"]
    assert "interviewed with a woman" not in fetter.choices  # that "She" may be Fetter
    assert "started to explain the unexpected result" in fetter.choices


def test_will_and_a_named_group_make_a_key_and_other_forms_are_inflected_for_the_wrong_options() -> None:
    s = sentence("Election Commission officials will announce the official results on Sunday.")  # VOA (dev)
    a = actions.action(s)
    assert a is not None and (a.subject, a.form) == ("Election Commission officials", "will")
    assert a.actor.kind == actions.NAMED_GROUP and a.phrase == "announce the official results on Sunday"
    past = actions.in_form(a, "did")
    assert past == "announced the official results on Sunday"
    took = actions.action(sentence("Germany has taken charge of the inquiry."))
    assert took is not None and actions.in_form(took, "did") == "took charge of the inquiry"
    assert actions.in_form(took, "will") == "take charge of the inquiry"


def test_an_institution_by_its_common_noun_is_a_key_only_when_the_opening_names_it() -> None:
    text = (
        "Central bank keeps rates on hold\n\n"
        "Taiwan's central bank kept its benchmark interest rate unchanged on Thursday, as expected.\n\n"
        "In 2018, the bank raised its forecast for economic growth this year.\n\n"
        "President Tsai Ing-wen visited a factory in Taichung last week.\n\n"
        "Japan's government approved a new stimulus package.\n\n"
        "The Finance Ministry published new trade figures.\n\n"
        "South Korea's parliament passed a new budget law."
    )
    analysis = analyse(from_text(text))
    found = {c.question.prompt: c.question for c in actions.candidates(analysis, random.Random(0))}
    q = found.get("According to the article, what did the bank do in 2018?")
    assert q is not None, sorted(found)  # the date opening the sentence narrows the stem
    assert q.answer == "raised its forecast for economic growth"
    wrong = set(q.choices) - {q.answer}
    assert "visited a factory in Taichung" not in wrong  # one person's act is no bank's
    assert not any("kept its benchmark" in w for w in wrong)  # "Taiwan's central bank" may be the bank
    lone = text.replace("Central bank keeps rates on hold", "Markets in Asia").replace(
        "Taiwan's central bank kept its benchmark interest rate unchanged", "Asian shares rose"
    )
    prompts = [c.question.prompt for c in actions.candidates(analyse(from_text(lone)), random.Random(0))]
    assert not any("the bank" in p for p in prompts)  # "the bank": which one? Never introduced


def test_matching_asks_what_they_did_never_what_they_will_do() -> None:
    title, body = WAPO.split("\n\n", 1)
    text = f"{title}\n\nOn Friday, the Finance Ministry will publish new trade figures.\n\n{body}"
    match = [c.question for c in actions.candidates(analyse(from_text(text)), random.Random(0))]
    pairs = [p for q in match if q.type == "matching" for p in q.answer]
    assert pairs and not any("trade figures" in p[1] for p in pairs)


DELHI = (  # Vox on Delhi's air (a real page the generator had not seen), four of its sentences
    "Delhi air pollution\n\n"
    "Delhi’s Chief Minister Arvind Kejriwal turned to Twitter last month to describe his city as a gas chamber.\n\n"
    "To combat this, the Punjab government in 2009 enacted the Punjab Preservation of Subsoil Water Act.\n\n"
    "India suffered the worst toll of any country, with more than 2 million deaths.\n\n"
    "The government distributed 5 million face masks to schoolchildren.\n\n"
    "This year, officials in Delhi banned firecrackers ahead of Diwali, arresting 210 people."
)


def test_what_a_country_or_a_government_did_is_no_wrong_option_for_a_person() -> None:
    asked = [c.question for c in actions.candidates(analyse(from_text(DELHI)), random.Random(0))]
    person = [q for q in asked if "Kejriwal" in q.prompt]
    assert not person  # India's, Punjab's and the government's acts were its only wrong options
    (india,) = [q for q in asked if q.prompt == "According to the article, what did India do?"]
    assert india.answer == "suffered the worst toll of any country"
