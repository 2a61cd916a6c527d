//! Attribution conventions of news copy, each on a small article written
//! for the test: the quote's speaker as `extract` reports it.

use quotecheck::engine::Engine;
use quotecheck::extract::quote_records;

/// (first words of each quote, `field` of its record).
fn quotes_with(
    text: &str,
    field: fn(quotecheck::extract::QuoteRecord) -> Option<String>,
) -> Vec<(String, Option<String>)> {
    let analysis = Engine::english().analyze(text);
    quote_records(text, &analysis)
        .into_iter()
        .map(|q| {
            let words = text[q.start as usize..q.end as usize]
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            (words, field(q))
        })
        .collect()
}

/// (first words of each quote, its speaker as written).
fn speakers(text: &str) -> Vec<(String, Option<String>)> {
    quotes_with(text, |q| q.speaker)
}

fn s(words: &str, speaker: &str) -> (String, Option<String>) {
    (words.to_string(), Some(speaker.to_string()))
}

#[test]
fn a_second_quote_goes_on_with_the_speaker_before_not_the_next_cue() {
    let text = "The debate turned to abortion.\n\n\
        “I believe there should be exceptions,” Bush said. “And so that belief makes me \
        consistent.” Rubio said later that he had never changed his view.\n";
    assert_eq!(
        speakers(text),
        vec![s("I believe there", "Bush"), s("And so that", "Bush"),]
    );
}

#[test]
fn the_next_sentence_still_attributes_a_lone_quote() {
    // Without an attributed quote before it, a quote is still given the
    // cue of the short sentence after it.
    let text = "The crowd grew quiet.\n\n\
        “We will win this state.” Rubio said it twice before leaving.\n";
    assert_eq!(speakers(text), vec![s("We will win", "Rubio")]);
}

#[test]
fn a_coordinated_verb_shares_the_subject() {
    let text = "Asked whether he would serve, Mrs. Rowe shook her head and said, “No, never.”\n";
    assert_eq!(speakers(text), vec![s("No, never.", "Mrs. Rowe")]);
}

#[test]
fn a_subordinate_subject_before_a_participial_appositive() {
    let text = "The issue came up after Mr. Hale, asked about the cuts, had said, \
        “We will look at every line.”\n";
    assert_eq!(speakers(text), vec![s("We will look", "Mr. Hale")]);
}

#[test]
fn a_party_and_state_parenthetical_stays_with_the_name() {
    let text = "Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said that \
        it was “committed to an open process.”\n";
    assert_eq!(
        speakers(text),
        vec![s("committed to an", "Rep. Elijah Cummings")]
    );
}

#[test]
fn a_long_appositive_before_the_verb() {
    let text = "James A. Lewis, a former government cybersecurity expert who now studies \
        the cyber activities of nations at a research center in the capital, said, \
        “They almost certainly picked it up.”\n";
    assert_eq!(
        speakers(text),
        vec![s("They almost certainly", "James A. Lewis")]
    );
}

#[test]
fn the_next_sentence_cue_counts_when_its_own_quote_comes_later() {
    let text = "“Too forced?” Mr. Reyes tweeted when the debate ended with a nod to \
        “Star Wars” and a wave.\n";
    let got = speakers(text);
    assert_eq!(got[0], s("Too forced?", "Mr. Reyes"));
}

#[test]
fn a_cue_in_an_opening_subordinate_clause_yields_to_the_main_clause() {
    let text = "After Gov. Jerry Brown criticized her during a debate, Mrs. Clinton shot \
        back, “I chose to fulfil my profession.”\n";
    assert_eq!(speakers(text), vec![s("I chose to", "Mrs. Clinton")]);
    // Without a cue of its own, the main clause leaves the quote to the
    // subordinate clause's cue.
    let text = "As Mr. Reed put it, the plan is “reckless.”\n";
    assert_eq!(speakers(text), vec![s("reckless.", "Mr. Reed")]);
}

#[test]
fn a_participle_clause_after_a_comma_reports() {
    // `saying` is also a noun (`an old saying`), but not after a comma.
    let text = "Supporters rallied outside the hall, saying, “We have to be ready.”\n";
    assert_eq!(speakers(text), vec![s("We have to", "Supporters")]);
}

#[test]
fn documents_claim_and_read() {
    let text = "The ad claims “Jeb is the conservative you can trust.”\n";
    assert_eq!(speakers(text), vec![s("Jeb is the", "The ad")]);
    let text = "The flyer landed in every mailbox. At the bottom it reads, “Vote early.”\n";
    assert_eq!(speakers(text), vec![s("Vote early.", "it")]);
}

#[test]
fn an_introduction_after_a_subordinate_clause() {
    let text = "When the mayor died in 1998, Governor Reed released the following statement:\n\n\
        “We offer our condolences to the family.”\n";
    assert_eq!(speakers(text), vec![s("We offer our", "Governor Reed")]);
}

#[test]
fn as_a_named_source_put_it() {
    let text = "Or, as Tom Ridge, a former secretary of homeland security, put it: \
        “The barbarians are no longer at the gate.”\n";
    assert_eq!(speakers(text), vec![s("The barbarians are", "Tom Ridge")]);
}

#[test]
fn an_opening_absolute_clause_is_not_the_source() {
    let text = "With a vote for Trump ruled out, Cross said he would consider \
        “throwing away his vote” on a third party.\n";
    assert_eq!(speakers(text), vec![s("throwing away his", "Cross")]);
}

#[test]
fn a_subject_that_cannot_speak_is_no_speaker_but_the_quote_stays() {
    let text = "The new rules arrived in May. Given his “deep concerns,” the vote was delayed.\n";
    assert_eq!(speakers(text), vec![("deep concerns,".to_string(), None)]);
}

#[test]
fn a_report_in_a_relative_clause_gives_way_to_the_main_clause() {
    // `who says …` is background; the quote belongs to `tweeted`.
    let text = "Sen. Ada Moss, who says the state should send more troops, tweeted \
        that “the plan will not work and he knows it.”\n";
    assert_eq!(speakers(text), vec![s("the plan will", "Sen. Ada Moss")]);
}

#[test]
fn a_restrictive_relative_clause_is_not_the_subject() {
    // The noun before `said` ends the relative clause; the official speaks.
    let text = "A city official who spoke on condition of anonymity to discuss internal \
        strategy said Wednesday, “There are talks between the two offices.”\n";
    assert_eq!(
        speakers(text),
        vec![s("There are talks", "A city official")]
    );
}

#[test]
fn said_before_a_clause_is_not_inverted() {
    // `said his boss was …`: `his boss` is the reported clause's subject,
    // not a speaker after the verb.
    let text = "Sam Ruiz, a contestant on the show, “The Pitch,” who went on to work for \
        him, said his boss was “always kind and generous.”\n";
    let got = speakers(text);
    let quote = got
        .iter()
        .find(|q| q.0.starts_with("always kind"))
        .expect("the quote is found");
    assert_ne!(quote.1.as_deref(), Some("his boss"));
}

#[test]
fn a_coordinated_clause_has_its_own_speaker() {
    // `…, but he called …`: a new clause with its own subject and verb.
    let text = "Ms. Ortiz met the mayor on Monday. The agency head, Tom Lee, recommended \
        that no charges be filed, but he called her conduct “extremely careless.”\n";
    assert_eq!(speakers(text), vec![s("extremely careless.", "he")]);
    // `said that while he fears …`: a clause inside the report is not a
    // new speaker's.
    let text = "Rabbi Ben Hale, the founder of the center, has said that while he admitted mistakes \
        in the past, “I have never seen anything like it.”\n";
    assert_eq!(speakers(text), vec![s("I have never", "Rabbi Ben Hale")]);
}

#[test]
fn an_infinitive_or_gerund_that_introduces_a_quote() {
    let text =
        "The debate was so calm that Mr. Grant was prompted to say, “We are all friends here.”\n";
    assert_eq!(speakers(text), vec![s("We are all", "Mr. Grant")]);
    let text = "On Tuesday, Mr. Lowe deflected questions about the nominee before saying, \
        “We will see what happens.”\n";
    assert_eq!(speakers(text), vec![s("We will see", "Mr. Lowe")]);
    let text = "The columnist Dana Ruiz went so far as to say: “The company is finished.”\n";
    assert_eq!(
        speakers(text),
        vec![s("The company is", "The columnist Dana Ruiz")]
    );
    // Not every infinitive: `wants to say` with no quotation after it is
    // no cue for a quote later in the sentence.
    let text = "He wants to say more about the plan, which critics call “reckless.”\n";
    let got = speakers(text);
    assert!(got.iter().all(|q| q.1.as_deref() != Some("He")), "{got:?}");
}

#[test]
fn a_subject_that_is_no_person_does_not_speak_a_fragment() {
    // No cue: the sentence's subject speaks only when it can.
    let text = "The music swelled across the hall, a “truly historic” night for the party.\n";
    let got = speakers(text);
    assert!(got.iter().all(|q| q.1.is_none()), "{got:?}");
    let text = "The senator took aim at the plan, a “truly reckless” idea in her view.\n";
    assert_eq!(speakers(text), vec![s("truly reckless", "The senator")]);
}

#[test]
fn a_colon_introduces_its_speaker() {
    let text = "POLLS WERE NOT WRONG - Pew Research: “Estimates of civic engagement are off.”\n";
    assert_eq!(
        speakers(text),
        vec![s("Estimates of civic", "Pew Research")]
    );
    let text =
        "The panels differ. From the report: “Samples with more elaborate weighting did better.”\n";
    assert_eq!(speakers(text), vec![s("Samples with more", "the report")]);
    let text = "Here’s Clinton in December 1992: “We have to give people a chance.”\n";
    assert_eq!(speakers(text), vec![s("We have to", "Clinton")]);
    let text = "As if addressing him directly, the Illinois Board of Elections was conclusive \
        in its findings: “Further discussion is unnecessary.”\n";
    assert_eq!(
        speakers(text),
        vec![s(
            "Further discussion is",
            "the Illinois Board of Elections"
        )]
    );
    // Not a name: `month on CNN` is no speaker.
    let text = "He repeated the claim last month on CNN: “We will build it.”\n";
    let got = speakers(text);
    assert!(
        got.iter().all(|q| q.1.as_deref() != Some("month on CNN")),
        "{got:?}"
    );
}

#[test]
fn a_relative_pronoun_resolves_to_the_name_before_it() {
    let text = "Sen. Ada Moss, who says the state should send more troops, spoke on Monday.\n";
    let analysis = Engine::english().analyze(text);
    let claim = analysis
        .claims
        .iter()
        .find(|c| {
            c.source
                .as_ref()
                .is_some_and(|m| m.span.slice(text) == "who")
        })
        .expect("the relative clause reports a claim");
    let speaker = claim.speaker.expect("`who` is resolved");
    assert_eq!(analysis.speakers[speaker as usize].name, "Ada Moss");
}

#[test]
fn a_named_person_after_an_organisation_word_is_a_person() {
    use quotecheck::speakers::SpeakerKind;
    let text = "Board member Glen Ruiz said the plan was “rushed.”\n";
    let analysis = Engine::english().analyze(text);
    let ruiz = analysis
        .speakers
        .iter()
        .find(|s| s.name == "Glen Ruiz")
        .expect("a speaker Glen Ruiz");
    assert_eq!(ruiz.kind, SpeakerKind::Person);
    // An organisation stays one.
    let text = "The Board of Elections said the count was “final.”\n";
    let analysis = Engine::english().analyze(text);
    assert!(
        analysis
            .speakers
            .iter()
            .any(|s| s.kind == SpeakerKind::Organisation)
    );
}

#[test]
fn an_inverted_document_and_a_gerund_that_introduces_a_quote() {
    // `said the report`: after a determiner, `report` is a noun.
    let text = "“The state cannot avoid the conclusion,” said the ruling.\n";
    assert_eq!(speakers(text), vec![s("The state cannot", "the ruling")]);
    let text = "“Turnout will be low,” said the report.\n";
    assert_eq!(speakers(text), vec![s("Turnout will be", "the report")]);
    // `footage of Hillary Clinton asking, “…”`
    let text = "The ad uses footage of Senator Ruth Vance asking, “Why aren’t I ahead?”\n";
    let got = speakers(text);
    assert_eq!(got.len(), 1);
    assert!(
        got[0]
            .1
            .as_deref()
            .is_some_and(|sp| sp.ends_with("Ruth Vance")),
        "{got:?}"
    );
}

#[test]
fn a_named_subject_after_a_conjunction_opens_its_own_report() {
    let text = "Sen. Ana Ruiz accuses the governor of “leading from behind” and Mayor Tom Lee \
        says he is “losing the fight.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("leading from behind", "Sen. Ana Ruiz"),
            s("losing the fight.", "Mayor Tom Lee")
        ]
    );
    let text =
        "Clinton weighed in on Tuesday, hours after Sanders said he was “encouraged” by it.\n";
    assert_eq!(speakers(text), vec![s("encouraged", "Sanders")]);
}

#[test]
fn more_introductions_of_a_quote() {
    let text = "Asked about trust, Ms. Lane said, “I take responsibility.” She followed that by \
        saying, “I am not a natural politician.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("I take responsibility.", "Ms. Lane"),
            s("I am not", "She")
        ]
    );
    let text =
        "Aides say the governor will back him. From Bush’s Facebook post: “We must move on.”\n";
    assert_eq!(speakers(text)[0].1.as_deref(), Some("Bush’s Facebook post"));
    let text =
        "First, Trump attacked Romney. Then he cut into Bush, calling him a “stiff” on stage.\n";
    assert_eq!(speakers(text), vec![s("stiff", "he")]);
}

#[test]
fn a_cue_in_an_opening_prepositional_phrase_yields_to_the_main_clause() {
    let text = "In a statement announcing the pick, the Association of Flight Attendants said \
        Clinton would be a “champion for working families.”\n";
    assert_eq!(
        speakers(text),
        vec![s(
            "champion for working",
            "the Association of Flight Attendants"
        )]
    );
}

#[test]
fn opening_clauses_and_reports_inside_reports() {
    // Past a conjunction, an opening subordinate clause's cue yields.
    let text =
        "So when the company signaled that it would sell, Mr. Barrett said, “That was the end.”\n";
    assert_eq!(speakers(text), vec![s("That was the", "Mr. Barrett")]);
    // A colon introduces the main clause's words, not the opening clause's.
    let text = "With party leaders increasingly worried about turnout, President Obama is rolling \
        out a new message: “My legacy is on the ballot.”\n";
    assert_eq!(speakers(text), vec![s("My legacy is", "President Obama")]);
    // `when he said` inside the report belongs to the report.
    let text = "Retired Gen. Mark Flint said the candidate was right when he said that \
        under the president, “the generals have been reduced to rubble.”\n";
    assert_eq!(
        speakers(text),
        vec![s("the generals have", "Retired Gen. Mark Flint")]
    );
}

#[test]
fn an_adverb_before_the_name_does_not_hide_it() {
    let text = "Even Ruritania, the island's only ally and its lifeline to the outside world, said \
        it was “resolutely opposed” to the test.\n";
    assert_eq!(speakers(text), vec![s("resolutely opposed", "Ruritania")]);
}

#[test]
fn a_parenthetical_cue_right_before_the_quote_is_its_own() {
    let text = "In a memo, campaign manager Rob Moore acknowledged the two had split the contests, \
        which is an outcome, he said, “we expected all along.”\n";
    assert_eq!(speakers(text), vec![s("we expected all", "he")]);
}

#[test]
fn a_sign_speaks() {
    let text = "Dawson lifted a sign of her own.\n\n“Bernie all the way,” it read.\n";
    assert_eq!(speakers(text), vec![s("Bernie all the", "it")]);
}

#[test]
fn a_dash_delimited_appositive_stays_with_the_name() {
    let text =
        "Jason Sims — a teacher from Mount Pleasant — says the endorsement was “a big deal.”\n";
    assert_eq!(speakers(text), vec![s("a big deal.", "Jason Sims")]);
}

#[test]
fn an_opening_mark_typed_as_the_closing_one_still_leads_to_the_cue() {
    // `,“ said` is a closing ” typed the wrong way round: the inverted cue
    // after it is the quote's.
    let text = "The fees raised questions.\n\n\
        “It’s unusual,“ said Ana Ruiz, a lawyer at the Campaign Center. “It’s hard to do.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("It’s unusual,", "Ana Ruiz"),
            s("It’s hard to", "Ana Ruiz")
        ]
    );
}

#[test]
fn a_dash_hands_the_sentence_to_its_subjects_words() {
    // Like a colon, a dash before a whole quote introduces the words of
    // the sentence's subject; a quote set off between dashes does not.
    let text = "The debate turned to torture.\n\n\
        Mayor Ruiz also embraced harsher methods — “I think waterboarding is mild compared to what they would do.”\n\n\
        The governor’s stock answer — “I will be fine whatever happens” — is likely to return.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("I think waterboarding", "Mayor Ruiz"),
            ("I will be".to_string(), None)
        ]
    );
}

#[test]
fn an_accusation_verb_after_a_quote_takes_an_object_not_a_speaker() {
    let text = "The mayor spoke at length.\n\n\
        Mayor Ruiz summed up her rival as “reckless,” denounced her record on housing and \
        said she should step aside.\n";
    assert_eq!(speakers(text), vec![s("reckless,", "Mayor Ruiz")]);
}

#[test]
fn a_passive_reporting_verb_gives_the_quote_to_its_agent() {
    // The agent of `was asked by` is the speaker; an inanimate agent
    // (`highlighted by the shootings`) and an opening participle (`Asked
    // by …, Ruiz said`) are not.
    let text = "The senator took questions.\n\n\
        Ruiz was asked by host Ana Park, who backs her rival, “Are you tired of the emails?”\n\n\
        Asked by Park to respond, Ruiz said, “I am tired of the emails.”\n\n\
        Speaking about the divide highlighted by the recent shootings, Governor Lee said the \
        mayor is “trying to heal the city.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("Are you tired", "host Ana Park"),
            s("I am tired", "Ruiz"),
            s("trying to heal", "Governor Lee"),
        ]
    );
}

#[test]
fn a_verb_that_can_be_a_noun_reports_after_an_appositive() {
    // `calls` is also a noun (`phone calls`); after an appositive that
    // closes on a name it is the name's verb.
    let text = "The race tightened.\n\n\
        Ana Park, a columnist at the Ledger, calls the senator “a convincing opportunist.”\n";
    assert_eq!(
        speakers(text),
        vec![s("a convincing opportunist.", "Ana Park")]
    );
}

#[test]
fn a_coordinated_verb_in_a_subordinate_clause_shares_its_subject() {
    let text = "The attacks sharpened.\n\n\
        There were pointed moments, such as when Ruiz knocked Park on trade and called her a \
        “moderate,” a dig at a rival.\n";
    assert_eq!(speakers(text), vec![s("moderate,", "Ruiz")]);
}

#[test]
fn a_quote_just_before_another_shares_the_cue_after_the_second() {
    let text = "The plant will close.\n\n\
        The plant made losses for years. “They are painful” but necessary \
        “for the long-term health of the business,” she said.\n";
    assert_eq!(
        speakers(text),
        vec![s("They are painful", "she"), s("for the long-term", "she")]
    );
}

#[test]
fn a_function_word_or_verb_is_never_a_source() {
    // `toward shared` is a preposition before a noun, not `X shared`; `came
    // shouts` is a verb before a noun, not a speaker.
    let text = "The mayor spoke in Leeds.\n\n\
        Mayor Ruiz pledged “cooperation” toward shared goals with the city.\n\n\
        “Call the roll,” came shouts from the floor.\n\n\
        The plan stalled. Rather, he said, continued fights will unite the party.\n\n\
        “To my knowledge, there is no rival yet.”\n";
    let got = speakers(text);
    assert_eq!(got[0], s("cooperation", "Mayor Ruiz"));
    assert_ne!(got[1].1.as_deref(), Some("came"));
    // `Rather, he said, continued …`: the adverb is no source of `continued`.
    assert!(
        got.iter().all(|(_, sp)| sp.as_deref() != Some("Rather")),
        "{got:?}"
    );
}

#[test]
fn words_someone_used_are_quoted_but_a_name_given_is_not() {
    // `the words “…”`, `the term “…”`, `described as “…”` quote what a
    // source said; `a website called “…”` names a thing.
    let text = "The debate turned to terror.\n\n\
        Senator Ruiz said that by refusing to say the words “radical Islam,” Democrats were \
        ducking the fight.\n\n\
        Ana Park set up a website called “Leeds If Trump Wins” that pitches the city.\n";
    assert_eq!(speakers(text), vec![s("radical Islam,", "Senator Ruiz")]);
}

#[test]
fn a_cue_that_introduces_the_quote_directly_outranks_the_report_before_it() {
    let text = "The rally was tense.\n\n\
        “There is a young man with problems,” Mayor Ruiz said as the heckler yelled: \
        “You are a fraud!”\n\n\
        Ruiz said that experts backed her plan, to which Park interjected: “It is just not true.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("There is a", "Mayor Ruiz"),
            s("You are a", "the heckler"),
            s("It is just", "Park"),
        ]
    );
}

#[test]
fn a_quote_without_a_cue_goes_to_the_subject_after_an_opening_clause() {
    // The subject that follows an opening participle or adverbial clause
    // (and a relative clause inside it) speaks a fragment without a cue.
    let text = "The primary is close.\n\n\
        Speaking to Channel 4 on Monday in Leeds, which votes next week, Mayor Ruiz referred \
        to Park as “a bright, charismatic leader” but not much more.\n\n\
        On Tuesday, Senator Lee went further, endorsing eight candidates “who embody the \
        spirit of our movement.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("a bright, charismatic", "Mayor Ruiz"),
            s("who embody the", "Senator Lee")
        ]
    );
}

#[test]
fn an_opening_subordinate_phrase_or_number_is_no_speaker() {
    let text = "The group endorsed Ruiz.\n\n\
        Given the senator’s electoral success, his endorsements will carry “a great deal of \
        weight in the primaries.”\n\n\
        Four hours earlier, a campaign memo was released saying the loss was “long \
        anticipated by everyone on the team.”\n";
    let got = speakers(text);
    assert!(
        got.iter().all(|(_, sp)| !sp
            .as_deref()
            .is_some_and(|s| s.starts_with("Given") || s == "Four")),
        "{got:?}"
    );
}

#[test]
fn a_gerund_or_infinitive_with_that_before_the_quote_speaks_for_its_clause() {
    // `because they wanted to show that “…”`, `by tweeting that “…”`.
    let text = "The parade went ahead.\n\n\
        Ana Ruiz and her partner came because they wanted to show that “they can’t scare us \
        back into the closet.”\n";
    assert_eq!(speakers(text), vec![s("they can’t scare", "they")]);
}

#[test]
fn a_statement_introduced_after_an_opening_adverbial_is_its_issuers() {
    // `Immediately after …,` opens the sentence; a comma after the
    // document noun introduces its words like a colon.
    let text = "The city was stunned.\n\n\
        Immediately after the attacks, Mayor Ruiz issued a statement, “Last night, our city \
        was attacked by a gunman who hated us.”\n";
    assert_eq!(speakers(text), vec![s("Last night, our", "Mayor Ruiz")]);
}

#[test]
fn a_document_that_opens_the_sentence_speaks_its_words() {
    let text = "The race turned negative.\n\n\
        The ad targets a “corrupt political system that keeps a rigged economy in place.”\n\n\
        Park’s letter makes a libertarian case: “Followers of radical groups hate everything \
        we stand for.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("corrupt political system", "The ad"),
            s("Followers of radical", "Park’s letter")
        ]
    );
}

#[test]
fn a_quote_without_a_cue_goes_to_the_subject_after_a_time_adverbial() {
    let text = "The mayor spoke in May.\n\n\
        A month later, she paid a visit to the border and explained why “the families” were \
        going to “love” her plan.\n\n\
        Thirteen years earlier, Ruiz had voted for the war from “the perspective of a \
        senator from a border state.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("the families", "she"),
            s("love", "she"),
            s("the perspective of", "Ruiz")
        ]
    );
}

#[test]
fn a_participle_after_a_determiner_is_an_adjective_not_the_verb() {
    // `The retired surgeon has …, saying`: `retired` is no verb, and a
    // bare determiner is never a source.
    let text = "The campaign stalled.\n\n\
        The retired surgeon has given no details about his plan, saying only that he was \
        “refining some operational practices.”\n";
    assert_eq!(
        speakers(text),
        vec![s("refining some operational", "The retired surgeon")]
    );
}

#[test]
fn a_passive_with_an_agent_reports_only_in_a_sentence_that_quotes() {
    // `defended by some of its weakest countries` names no source.
    let text = "The migration crisis forced a recognition that the borders were being \
        defended by some of its weakest countries.\n";
    let analysis = Engine::english().analyze(text);
    assert!(
        analysis.cues.iter().all(|c| c.source.is_none()),
        "{:?}",
        analysis.cues
    );
}

#[test]
fn a_quote_paragraph_takes_the_last_report_by_a_name_before_it() {
    // The reduced relative `pledged to Ruiz` inside the reported clause is
    // not the report that introduces the next paragraph.
    let text = "Delegates may yet switch sides.\n\n\
        Park argued in an editorial that delegates currently pledged to Ruiz may reconsider.\n\n\
        “A win in the west would change the race for good.”\n";
    assert_eq!(speakers(text), vec![s("A win in", "Park")]);
}

#[test]
fn a_serial_coordination_shares_the_clause_subject_past_an_opening_clause() {
    // `Last month, when I asked …,` opens the sentence; `he looked …,
    // furrowed his brow and said` all have the subject `he`.
    let text = "The senator was coy.\n\n\
        Last month, when I asked Senator Ruiz if she would ever endorse Park, she looked into \
        my camera, furrowed her brow and said, “I am going to endorse you!”\n";
    assert_eq!(speakers(text), vec![s("I am going", "she")]);
}

#[test]
fn a_naming_participle_after_an_indefinite_noun_is_no_report() {
    // `a company called Cambridge Analytica` names; `what it calls “…”`
    // reports.
    let text = "The campaign spent heavily.\n\n\
        It paid $300,000 to a company called Tigris Data, which specializes in building what \
        it calls “psychographic” profiles.\n";
    assert_eq!(speakers(text), vec![s("psychographic", "it")]);
}

#[test]
fn a_report_the_sentence_cites_after_the_cue_is_the_source() {
    // `“…,” Ruiz said, according to the Ledger.` is the Ledger's report, as
    // `According to the Ledger, Ruiz said “…”` is; `citing` is not.
    let text = "The mayor asked for calm.\n\n\
        “I ask you not to protest on the floor,” Ruiz said, according to the Ledger.\n\n\
        “It is a reflection of anger,” Park said, citing low growth and unemployment.\n";
    assert_eq!(
        speakers(text),
        vec![s("I ask you", "the Ledger"), s("It is a", "Park")]
    );
}

#[test]
fn inside_a_relative_clause_on_the_subject_the_relative_pronoun_speaks() {
    let text = "The host kept up the attack.\n\n\
        Ruiz, who has in the past described Park as “a pathological liar,” went further.\n";
    assert_eq!(speakers(text), vec![s("a pathological liar,", "who")]);
}

#[test]
fn a_trailing_nonrestrictive_relative_clause_holds_its_quote() {
    // `said Park, who noted that prices had “cratered”`: the relative
    // clause's `who` speaks; `anybody who complains about “…”` does not.
    let text = "The market is recovering.\n\n\
        “Revenues are up a little,” said Ana Park, who noted that prices had “cratered” in \
        the recession.\n";
    assert_eq!(
        speakers(text),
        vec![s("Revenues are up", "Ana Park"), s("cratered", "who")]
    );
}

#[test]
fn a_verb_form_after_a_preposition_is_a_noun() {
    // `amid disputes over …` is no report by `their cooperation`.
    let text = "Both countries have expanded their coast guard cooperation amid disputes over \
        the northern cod grounds.\n";
    let analysis = Engine::english().analyze(text);
    assert!(analysis.cues.is_empty(), "{:?}", analysis.cues);
}

#[test]
fn a_quote_paragraph_after_a_paragraph_about_a_named_person_is_theirs() {
    // No cue anywhere: the paragraph before is about Ms. Okafor, and the
    // quote that makes up the next paragraph is hers. A paragraph whose
    // subject is no name (`The PR effort`) gives nobody.
    // Nor does a headline (`Harbour fees`).
    let text = "Harbour fees\n\n“Prices will rise.”\n\n\
        The mayor spoke for an hour.\n\n\
        Ms. Okafor is upbeat about the council's plan for the flood defences.\n\n\
        “We need people who cut through the noise.”\n\n\
        The effort comes ahead of the vote on the budget.\n\n\
        “Nobody can stop the river.”\n";
    assert_eq!(
        speakers(text),
        vec![
            ("Prices will rise.".to_string(), None),
            s("We need people", "Ms. Okafor"),
            ("Nobody can stop".to_string(), None)
        ]
    );
}

#[test]
fn a_time_adverbial_opener_before_an_appositive_subject() {
    let text = "Just last week, T.J. Marsh, editor at large of The Ledger, a weekly paper in \
        the county, wrote, “Nobody is watching the dam.”\n";
    assert_eq!(speakers(text), vec![s("Nobody is watching", "T.J. Marsh")]);
}

#[test]
fn a_time_clause_with_a_new_named_subject_has_its_own_speaker() {
    // `asked Trump about …, when Mr. Dane called …`: the `when` clause is
    // no part of the report before it. With `when he …` the pronoun is
    // mostly the same speaker again, so the outer report stays.
    let text = "The host asked the senator about a speech in 2012, when Mr. Dane called \
        the plan “a disgrace.”\n\n\
        Ms. Lowe said it best when she wrote that the plan was “a mess.”\n";
    assert_eq!(
        speakers(text),
        vec![s("a disgrace.", "Mr. Dane"), s("a mess.", "Ms. Lowe")]
    );
}

#[test]
fn a_subordinate_clause_set_off_before_the_subject_and_its_appositive() {
    let text = "At a rally in Dover, after winning the county in the primary, Gov. Ann Wirth \
        (D-Del.), said, “We are going all the way.”\n";
    assert_eq!(speakers(text), vec![s("We are going", "Gov. Ann Wirth")]);
}

#[test]
fn a_name_opening_a_parenthesis_is_a_clause_subject() {
    let text = "Most scholars accept the finding (Hal Brod, who wrote the first study, once \
        said, “It happened in every valley”).\n";
    assert_eq!(speakers(text), vec![s("It happened in", "Hal Brod")]);
}

#[test]
fn an_absolute_clause_has_its_own_subject() {
    // `with Sen. Ida Marsh calling it …`, `– Ryan saying …`: the name
    // before the gerund speaks, not the sentence subject; `with Cruz’s
    // thinking` is a possessive and no clause.
    let text = "Democrats agreed the depot should close, with Sen. Ida Marsh calling it \
        “a relic.”\n\n\
        Both men issued a statement expressing hope – Dale saying he was “very encouraged” \
        and Ruiz calling it a “great meeting.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("a relic.", "Sen. Ida Marsh"),
            s("very encouraged", "Dale"),
            s("great meeting.", "Ruiz")
        ]
    );
    let text = "The city was on edge, with many marchers and spectators chanting “No more.”\n";
    assert_eq!(
        speakers(text),
        vec![s("No more.", "many marchers and spectators")]
    );
    let text = "Dale turned on Ruiz, with the campaign of the former mayor of Dover saying \
        Ruiz was “not a real reformer.”\n";
    assert_eq!(
        speakers(text),
        vec![s("not a real", "the campaign of the former mayor of Dover")]
    );
    let text = "Aides familiar with Ruiz’s thinking expect a run.\n";
    let analysis = Engine::english().analyze(text);
    assert!(
        analysis.cues.iter().all(|c| &*c.lemma != "think"),
        "{:?}",
        analysis.cues
    );
}

#[test]
fn a_base_form_after_a_singular_name_is_a_compound_noun() {
    // `says Benghazi attack was …` is no report by Benghazi; `Republicans
    // attack …` still reports.
    let text = "The report says Benghazi attack was planned.\n\n\
        Officials say Republicans attack the plan as “a giveaway.”\n";
    let analysis = Engine::english().analyze(text);
    let attack: Vec<&str> = analysis
        .cues
        .iter()
        .filter(|c| &*c.lemma == "attack")
        .map(|c| c.source.as_ref().map_or("", |m| m.span.slice(text)))
        .collect();
    assert_eq!(attack, vec!["Republicans"]);
}

#[test]
fn an_opening_adverbial_before_the_subject_that_introduces_a_quote_paragraph() {
    let text = "The city mourned on Sunday.\n\n\
        In response to the loss of life, Democratic nominee Ann Wirth issued the following \
        statement:\n\n\
        “Our prayers are with the families.”\n";
    assert_eq!(
        speakers(text),
        vec![s("Our prayers are", "Democratic nominee Ann Wirth")]
    );
}

#[test]
fn coordinated_fragments_share_the_cue_after_the_second_over_the_subject() {
    let text = "Guns are “a public health crisis” and “stunt children’s growth,” Ana Ruiz, \
        the former governor of Vermont, proclaimed to a cheering crowd at the convention.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("a public health", "Ana Ruiz"),
            s("stunt children’s growth,", "Ana Ruiz")
        ]
    );
}

#[test]
fn a_report_tag_ending_the_sentence_attributes_every_quote_in_it() {
    // `…, he said.` at the very end of a sentence is the source of each
    // quote in the sentence, even with another quote in between.
    let text = "Ana Ruiz said the boycott had little effect. Donations were “flat for a month” \
        as donors waited out a “turbulent season,” she said.\n";
    assert_eq!(
        speakers(text),
        vec![s("flat for a", "she"), s("turbulent season,", "she")]
    );
}

#[test]
fn a_double_hyphen_appositive_with_commas() {
    let text = "A former candidate for governor -- Dale Ruiz, who lost the 2008 race -- said \
        the president “offered no changes.”\n";
    assert_eq!(
        speakers(text),
        vec![s("offered no changes.", "A former candidate for governor")]
    );
}

#[test]
fn an_appositive_subject_after_a_complementizer() {
    let text = "It was three years ago that Ana Ruiz, who's thinking about running again, said \
        it was “impossible.”\n";
    assert_eq!(speakers(text), vec![s("impossible.", "Ana Ruiz")]);
}

#[test]
fn a_document_with_a_weekday_before_its_participle_reports() {
    let text = "The town released a statement Wednesday saying the claims “are not facts.”\n";
    assert_eq!(speakers(text), vec![s("are not facts.", "The town")]);
}

#[test]
fn a_share_of_those_polled_speaks_through_the_poll() {
    // `The poll finds that 37 percent say …`: the poll is the source; a
    // person in the same position is not overruled.
    let text = "The Marist poll also finds that, while 37 percent of voters say the mayor is \
        “very responsible” for the delays, 39 percent blame the council.\n\n\
        The report finds that Ana Ruiz says the mayor is “responsible” for the delays.\n\n\
        In a September Marist poll, 75 percent of voters said “most officials” cannot be \
        trusted.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("very responsible", "The Marist poll"),
            s("responsible", "Ana Ruiz"),
            s("most officials", "a September Marist poll")
        ]
    );
}

#[test]
fn a_capitalised_verb_form_before_a_name_is_part_of_a_name() {
    // `Credit Suisse` in a list is a bank, not a report.
    let text = "Donors included Goldman Sachs, Credit Suisse and UBS.\n";
    let analysis = Engine::english().analyze(text);
    assert!(analysis.cues.is_empty(), "{:?}", analysis.cues);
}

#[test]
fn a_subject_with_a_participle_phrase_over_a_preposition() {
    let text = "Protesters marching through the streets chanted “What curfew?”\n";
    assert_eq!(
        speakers(text),
        vec![s("What curfew?", "Protesters marching through the streets")]
    );
}

#[test]
fn a_parenthetical_report_whose_name_follows_it() {
    // `The paradox of Nancy, says Carl Anthony, …, is that …`: the name
    // after the verb speaks; `Smith, a Democrat, said` keeps its subject.
    let text = "The trouble with the plan, says Ana Ruiz, a planner at the county, is that it \
        is “far too late.”\n\n\
        Dale Smith, a Democrat, says the plan is “a relief.”\n";
    assert_eq!(
        speakers(text),
        vec![s("far too late.", "Ana Ruiz"), s("a relief.", "Dale Smith")]
    );
}

#[test]
fn an_object_relative_clause_names_the_quote_speaker() {
    // `Ruiz said she backs the bill, which she called “a lifeline”`: the
    // relative clause's own subject speaks, not the report that opens the
    // sentence.
    let text = "Ana Ruiz said she has backed the levy on hotels, which she called “a \
        lifeline for the parks.”\n";
    assert_eq!(speakers(text), vec![s("a lifeline for", "she")]);
}

#[test]
fn a_quote_paragraph_after_one_short_paragraph_without_a_report_goes_on() {
    // `“…,” Miller said into the phone.` ¶ `She pauses.` ¶ `“…”`: the
    // speaker goes on over a short paragraph with no quote and no report.
    let text = "“We are calling for the mayor,” Ana Miller said into the phone.\n\n\
        She pauses.\n\n\
        “Well, thank you so much.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("We are calling", "Ana Miller"),
            s("Well, thank you", "Ana Miller")
        ]
    );
    // Narration with its own subject breaks the chain.
    let text = "“We are calling for the mayor,” Ana Miller said into the phone.\n\n\
        The council met on Monday.\n\n\
        “The ferry will stop in May.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("We are calling", "Ana Miller"),
            ("The ferry will".to_string(), None)
        ]
    );
}

#[test]
fn a_retort_and_jeers_after_an_adjective_are_nouns() {
    let text = "Ruiz delivered a snappy retort: “Nobody is tearing this up.”\n\n\
        Dale joked, “You are being ridiculous,” drawing loud jeers from the hall.\n";
    assert_eq!(
        speakers(text),
        vec![s("Nobody is tearing", "Ruiz"), s("You are being", "Dale")]
    );
}

#[test]
fn a_contracted_auxiliary_before_a_participle_reports() {
    // `he’s predicting that …` is a report, not the possessive of
    // `Clinton’s remarks`.
    let text = "Ruiz will not win a county. And he’s predicting that Dale has “no chance” \
        of winning.\n";
    let analysis = Engine::english().analyze(text);
    assert!(
        analysis.cues.iter().any(|c| &*c.lemma == "predict"),
        "{:?}",
        analysis.cues
    );
}

#[test]
fn a_quote_inside_an_opening_subordinate_clause_is_that_clauses_report() {
    let text = "The account was anonymous.\n\n\
        Although Weiner admitted to the newspaper that he and the woman had “been friends \
        for some time,” he claimed they had never met in person.\n";
    assert_eq!(speakers(text), vec![s("been friends for", "Weiner")]);
}

#[test]
fn a_quote_after_the_subordinate_clause_is_the_main_clauses() {
    // The comma before the quote closes the `When` clause.
    let text = "The teachers were watching.\n\n\
        When Sanders said at a rally that he would not want the endorsement, he \
        “grabbed hold of the mood,” said Karen Lewis, a teacher.\n";
    assert_eq!(speakers(text), vec![s("grabbed hold of", "Karen Lewis")]);
}

#[test]
fn ever_since_opens_a_subordinate_clause_and_a_contraction_is_not_the_mention() {
    let text = "The message has not changed.\n\n\
        Ever since Ana Ruiz announced her candidacy last year, she’s said the same thing \
        at every stop: “It is about us.”\n";
    assert_eq!(speakers(text), vec![s("It is about", "she")]);
}

#[test]
fn a_contracted_auxiliary_is_not_part_of_the_speakers_mention() {
    let text = "Ana Ruiz is running again.\n\n\
        At every stop, she’s said the same thing: “It is about us.”\n";
    assert_eq!(speakers(text), vec![s("It is about", "she")]);
}

#[test]
fn a_verb_form_after_a_determiner_or_a_singular_noun_phrase_is_a_noun() {
    // `a phone call` and `a passionate advocate` report nothing; the
    // sentence's own subject speaks. `his call for` is no verb either: the
    // call's possessor speaks, and resolves to the subject.
    let text = "The nomination stalled.\n\n\
        Mitch McConnell agreed to a phone call on Wednesday, but only to tell Garland \
        that he would not agree to a “perfunctory” hearing.\n\n\
        Ana Ruiz introduced him as “a fighter for families” and a passionate advocate.\n\n\
        Ben Ode later backed his call for a “total ban” on the sales.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("perfunctory", "Mitch McConnell"),
            s("a fighter for", "Ana Ruiz"),
            s("total ban", "his"),
        ]
    );
    assert_eq!(resolved(text)[2], s("total ban", "Ben Ode"));
}

/// (first words of each quote, the speaker it resolves to).
fn resolved(text: &str) -> Vec<(String, Option<String>)> {
    quotes_with(text, |q| q.resolved)
}

#[test]
fn a_pronoun_means_the_subject_of_its_sentence_not_a_name_in_its_clauses() {
    let text = "The family has rules.\n\n\
        C. Boyden Gray, who served as counsel under Mr. Bush's father, George Bush, \
        listed the code of conduct: “Civility was assumed,” he said.\n";
    assert_eq!(
        resolved(text),
        vec![s("Civility was assumed,", "C. Boyden Gray")]
    );
}

#[test]
fn a_surname_means_the_person_of_that_name_named_last_and_of_its_gender() {
    let text = "The family spoke in turn.\n\n\
        “He loves you,” Melania Trump said.\n\n\
        Donald Trump took the stage. “We win,” Donald Trump said.\n\n\
        “Back to work,” Trump said.\n\n\
        “I am his mother,” Maria Khan said. “He was brave,” Khizr Khan said.\n\n\
        “I stood,” Mrs. Khan said later. “I spoke,” Mr. Khan said.\n";
    assert_eq!(
        resolved(text),
        vec![
            s("He loves you,", "Melania Trump"),
            s("We win,", "Donald Trump"),
            s("Back to work,", "Donald Trump"),
            s("I am his", "Maria Khan"),
            s("He was brave,", "Khizr Khan"),
            s("I stood,", "Maria Khan"),
            s("I spoke,", "Khizr Khan"),
        ]
    );
}

#[test]
fn a_pronoun_after_a_sentence_means_its_subject_not_the_last_name_in_it() {
    let text = "The forum ran late.\n\n\
        “We will see,” Donald Trump said.\n\n\
        Trump said praise from Russian President Vladimir Putin would not sway him. \
        He said Putin has “been a leader.”\n\n\
        “Ask them,” Tamara Hicks said.\n\n\
        Trump said he would return. “We will be back,” he said.\n\n\
        “Ask us,” Tamara Hicks said.\n\n\
        Kell Orton said the work would go on. “We stay,” he said.\n";
    assert_eq!(
        resolved(text),
        vec![
            s("We will see,", "Donald Trump"),
            s("been a leader.", "Donald Trump"),
            s("Ask them,", "Tamara Hicks"),
            s("We will be", "Donald Trump"),
            s("Ask us,", "Tamara Hicks"),
            s("We stay,", "Kell Orton"),
        ]
    );
}

#[test]
fn a_discourse_adverb_between_commas_does_not_hide_the_subject() {
    let text = "The messages were private.\n\n\
        On Wednesday, however, the director of the agency, Jim Corley, said that the \
        messages involved “direct, private messages.”\n";
    // The description and the name it is followed by, as in `A
    // spokeswoman for the governor, Alicia Brandt, said`.
    assert_eq!(
        speakers(text),
        vec![s(
            "direct, private messages.",
            "the director of the agency, Jim Corley"
        )]
    );
    assert_eq!(
        resolved(text),
        vec![s("direct, private messages.", "Jim Corley")]
    );
}

#[test]
fn a_second_coordinated_verb_shares_the_subject_past_but_and_adverbs() {
    let text = "The server was examined.\n\n\
        A spokesman for Platte River declined to address the report but said in a \
        statement that “Platte River Networks did not, at any time, treat the server \
        differently. We maintain all security.”\n\n\
        Col. Lawrence Wilkerson started the argument when he brought up the bombing and \
        later said, “It is not just one group.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("Platte River Networks", "A spokesman for Platte River"),
            s("It is not", "Col. Lawrence Wilkerson"),
        ]
    );
}

#[test]
fn a_past_tense_between_a_quote_and_a_name_is_a_speech_tag() {
    // `beamed` is in no verb list; its place makes it a tag. An adjective
    // before a subject that has its own verb is not one.
    let text = "Supporters filled the hall.\n\n\
        “This is fantastic!” beamed Donald Hartley of Madison, who had snuck onto the floor.\n\n\
        “She is the only candidate with the experience,” retired Air Force general Lloyd \
        Newton said.\n";
    let analysis = Engine::english().analyze(text);
    let cues: Vec<&str> = analysis
        .cues
        .iter()
        .map(|c| &text[c.span.start as usize..c.span.end as usize])
        .collect();
    assert_eq!(cues, vec!["beamed", "said"]);
    assert_eq!(
        speakers(text),
        vec![
            s("This is fantastic!", "Donald Hartley of Madison"),
            s("She is the", "retired Air Force general Lloyd Newton"),
        ]
    );
}

#[test]
fn a_subordinate_clause_after_and_gives_way_to_its_main_clause() {
    // The clause `when Alvarez thanked …` opens the second coordinated
    // clause; its main clause has its own cue, which the quote belongs to.
    let text = "The results came in late.\n\n\
        Some in the crowd booed, and when Alvarez thanked the volunteers and said it was \
        good to be home, a woman shouted “Go back to Tampa!”\n";
    assert_eq!(speakers(text), vec![s("Go back to", "a woman")]);
}

#[test]
fn a_speech_noun_after_a_possessive_attributes_the_words_it_introduces() {
    let text = "Senator Dana Whitfield spoke in Dayton.\n\n\
        Whitfield drew fire last month over her remark that “the plant was finished anyway.”\n\n\
        Gov. Ray Ortiz came under scrutiny for his statement on Tuesday that “the audit \
        changes nothing.”\n\n\
        Voters cheered Mayor Lin’s call for “a full and open count.”\n\n\
        The union will not back her after her March comment that, “We will close the mill.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("the plant was", "her"),
            s("the audit changes", "his"),
            s("a full and", "Mayor Lin’s"),
            s("We will close", "her"),
        ]
    );
}

#[test]
fn a_speech_noun_is_no_cue_without_what_was_said() {
    // `her remarks drew`: the noun is a subject, not a report, and a
    // noun after `the` has no possessor to speak.
    let text = "Her remarks drew criticism from the union.\n\n\
        Alvarez said the statement that “nothing changed” was wrong.\n";
    let analysis = Engine::english().analyze(text);
    let cues: Vec<&str> = analysis
        .cues
        .iter()
        .map(|c| &text[c.span.start as usize..c.span.end as usize])
        .collect();
    assert_eq!(cues, vec!["said"]);
    assert_eq!(speakers(text), vec![s("nothing changed", "Alvarez")]);
}

#[test]
fn a_quote_in_the_main_clause_is_its_subjects_not_the_time_clauses_report() {
    // `When … announced …, he referred to … as “…”`: the report in the
    // time clause is not the quote's; the main clause's subject is. `As X
    // put it, …` is the report that carries the quote.
    let text = "The rally ran late.\n\n\
        When Alvarez announced his candidacy last June, he referred to the council as \
        “a club for insiders.”\n\n\
        As the columnist Ruth Moran put it, the mayor wants voters to hear \
        “an offer they can’t refuse.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("a club for", "he"),
            s("an offer they", "the columnist Ruth Moran"),
        ]
    );
}

#[test]
fn a_name_opening_the_sentence_is_the_subject_of_a_verb_that_looks_like_a_noun() {
    // `describes`, `claims` and `claim` read as nouns after a determiner;
    // after a name that opens the sentence they are its verb. A song is
    // sung, and `started to portray` is the subject's report.
    let text = "The campaign went on.\n\n\
        Schilling describes himself on his page as a “conservative who wants to help.”\n\n\
        Republicans claim the plan is “a disaster for the state.”\n\n\
        Trump claims the rally was “the biggest ever.”\n\n\
        In the old song, Billy Joel sings, “Don’t go changing.”\n\n\
        Long before, city officials started to portray the shooting as a “workplace” dispute.\n\n\
        The bias begins to show in how the site rated this statement by the mayor:\n\n\
        “If you look at this city, the youth are an example.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("conservative who wants", "Schilling"),
            s("a disaster for", "Republicans"),
            s("the biggest ever.", "Trump"),
            s("Don’t go changing.", "Billy Joel"),
            s("workplace", "city officials"),
            // `begins to show` is no report: the bias does not speak.
            ("If you look".to_string(), None),
        ]
    );
}

#[test]
fn a_verb_that_looks_like_a_noun_is_a_cue_after_a_name_opening_the_sentence() {
    let cues = |text: &str| -> Vec<(String, Option<String>)> {
        let analysis = Engine::english().analyze(text);
        analysis
            .cues
            .iter()
            .map(|c| {
                (
                    text[c.span.start as usize..c.span.end as usize].to_string(),
                    c.source
                        .as_ref()
                        .map(|m| text[m.span.start as usize..m.span.end as usize].to_string()),
                )
            })
            .collect()
    };
    assert_eq!(
        cues("Trump claims the rally was the biggest ever.\n"),
        vec![("claims".into(), Some("Trump".into()))]
    );
    assert_eq!(
        cues("Schilling describes the plan as a mistake.\n"),
        vec![("describes".into(), Some("Schilling".into()))]
    );
    // A noun phrase a verb follows: `Trump claims are false`.
    assert_eq!(cues("Trump claims are false.\n"), vec![]);
}

#[test]
fn a_description_and_the_name_after_it_speak_past_an_opening_phrase() {
    let text = "The union backed Clinton in November.\n\n\
        But in an interview, the union's president, Mary Kay Henry, expressed concern that \
        members could find the rival “appealing in a real way.”\n";
    assert_eq!(
        speakers(text),
        vec![s("appealing in a", "the union's president, Mary Kay Henry")]
    );
}

#[test]
fn a_colon_gives_the_quote_to_its_sentences_subject_before_the_next_sentences_cue() {
    let text = "The debate turned to health care.\n\n\
        Alvarez delivered a snappy retort: “No one is tearing this up.” He bemoaned the \
        cost of care in the state.\n";
    assert_eq!(speakers(text), vec![s("No one is", "Alvarez")]);
}

#[test]
fn an_unlisted_past_tense_after_a_quote_and_its_speaker_is_a_tag_and_cut_in_reports() {
    // `pressed` is in no verb list: after the quote and its subject, ending
    // the clause, it is a speech tag.
    let text = "The interview went on.\n\n\
        “Would it be negotiable?” Rowe pressed. “Maybe some people could stay.”\n\n\
        “I would say this,” Alvarez answered, and his aide cut in: “Not today.”\n\n\
        “Let me help you out,” the Republican nominee riffed on the answer.\n\n\
        Alvarez was pressed on the deal and the White House press secretary said nothing.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("Would it be", "Rowe"),
            s("Maybe some people", "Rowe"),
            s("I would say", "Alvarez"),
            s("Not today.", "his aide"),
            s("Let me help", "the Republican nominee"),
        ]
    );
    // `was pressed` is a passive and `press secretary` a noun: neither is a
    // cue.
    let analysis = Engine::english().analyze(text);
    let pressed = analysis
        .cues
        .iter()
        .filter(|c| text[c.span.start as usize..].starts_with("press"))
        .count();
    assert_eq!(pressed, 1);
}

#[test]
fn a_participle_phrase_between_subject_and_verb_is_not_the_source() {
    let text = "The inquiry widened.\n\n\
        Another intelligence source speaking to Fox News said, “The agents are looking at it.”\n\n\
        Speaking to reporters, Alvarez said, “We have nothing to add.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("The agents are", "Another intelligence source"),
            s("We have nothing", "Alvarez"),
        ]
    );
}

#[test]
fn an_object_pronoun_is_no_speaker() {
    // `many of them derisively known as`: `them` is no subject; nobody is
    // said to have said the words, which stay a scare quote. `him` is no
    // speaker either: the students are.
    let text = "Hundreds of golf courses have closed, many of them derisively known as \
        “rabbit patches” by players.\n\n\
        Some students hoped to have him speak to them about the “fabulous” deals.\n";
    assert_eq!(speakers(text), vec![s("fabulous", "students")]);
}

#[test]
fn a_gerund_after_by_or_after_reports_for_the_sentences_subject() {
    let text = "The campaign reshuffled.\n\n\
        Bolton distanced himself from the movement by saying he would help if asked. \
        “I’m going to support him.”\n\n\
        Lewandowski earlier quashed rumors of a book by tweeting that “I am under a strict \
        agreement.”\n\n\
        But while denouncing the “perversion” of tax avoidance, she offered no plan.\n";
    assert_eq!(
        speakers(text),
        vec![s("I’m going to", "Bolton"), s("I am under", "Lewandowski"),]
    );
}

#[test]
fn a_day_after_during_between_subject_and_verb_is_skipped() {
    let text = "The nurses’ union bought ads.\n\n\
        It became such a presence that Alvarez during a Sunday thanked its members \
        “for their support.”\n";
    assert_eq!(speakers(text), vec![s("for their support.", "Alvarez")]);
}

#[test]
fn the_name_in_a_speech_tag_is_its_sentences_subject_for_a_pronoun_after_it() {
    // `Mr. Trump's` in Kamin's sentence and Ali in Ruiz's are no rivals:
    // the tag's name is the subject a `he` after it means.
    let text = "The plans differ.\n\n\
        Mrs. Clinton's plan is an alternative to Mr. Trump's and sends a message, \
        ''it is about the top,'' Mr. Kamin said.\n\n\
        ''The message is clear,'' he added.\n\n\
        ''We float like butterflies,'' Mr. Ruiz said, not needing to name the author of \
        that boast, Muhammad Ali. Voters, he said, can ''rock like Jimi.''\n";
    let resolved = resolved(text);
    assert_eq!(resolved[1], s("The message is", "Kamin"));
    assert_eq!(resolved[3], s("rock like Jimi.", "Ruiz"));
}

#[test]
fn a_name_before_an_adverb_and_a_past_tense_is_the_subject_a_pronoun_prefers() {
    let text = "Bryan Anderson, a student, came to hear the senator.\n\n\
        “We will earn every vote,” Senator Tim Kaine said.\n\n\
        Anderson largely agreed with Kaine. “A lot of it comes across as pandering,” \
        he said.\n";
    assert_eq!(
        resolved(text),
        vec![s("We will earn", "Tim Kaine"), s("A lot of", "Anderson")]
    );
}

#[test]
fn two_names_joined_by_and_are_the_subject_of_a_base_form() {
    let text = "The attack was described two ways.\n\n\
        Ruiz and Alvarez call them “lone wolves” and describe the attack as a crime.\n";
    let analysis = Engine::english().analyze(text);
    let call = analysis
        .cues
        .iter()
        .find(|c| &text[c.span.start as usize..c.span.end as usize] == "call")
        .expect("`call` is a cue");
    let source = call.source.as_ref().expect("with a source");
    assert_eq!(
        &text[source.span.start as usize..source.span.end as usize],
        "Ruiz and Alvarez"
    );
    assert_eq!(speakers(text), vec![s("lone wolves", "Ruiz and Alvarez")]);
}

#[test]
fn a_date_with_its_year_opens_the_sentence_that_introduces_a_quote_paragraph() {
    let text = "The fact-checkers disagreed.\n\n\
        On July 6, 2015, Alvarez made the following comment:\n\n\
        “For young people who left school, the rate is over 30 percent.”\n";
    assert_eq!(speakers(text), vec![s("For young people", "Alvarez")]);
}

#[test]
fn a_gerund_in_an_opening_clause_or_after_despite_reports_for_the_subject() {
    let text = "The hospital stay was short.\n\n\
        After saying her foot was “so swollen I could barely walk,” she was taken in.\n\n\
        Speaker Dana Ruiz, despite admitting that she had concerns about “trial lawyers \
        getting rich,” backed the bill.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("so swollen I", "she"),
            s("trial lawyers getting", "Speaker Dana Ruiz"),
        ]
    );
}

#[test]
fn a_despite_clause_after_a_comma_reports_for_the_phrase_it_interrupts() {
    // The sentence's own subject is `the victims`, and an appositive
    // (`D-Ohio`) or a description stands between the speaker and `despite`.
    let text = "The vote is set for Tuesday.\n\n\
        Speaker Dana Ruiz, D-Ohio, despite admitting that she had concerns about \
        “trial lawyers getting rich,” the victims “deserve their day in court.”\n\n\
        The senator, despite conceding that the bill was “far from perfect,” voted for it.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("trial lawyers getting", "Speaker Dana Ruiz"),
            s("deserve their day", "Speaker Dana Ruiz"),
            s("far from perfect,", "The senator"),
        ]
    );
}

#[test]
fn an_irregular_past_tense_ends_a_name_subject() {
    // `took` is the verb, not the second word of a name.
    let text = "Dana Ruiz spoke first.\n\n\
        Ruiz took to Twitter overnight to accuse the campaign of being \
        “duped” by “a con” and urge voters to see what he called the “tape.”\n";
    assert_eq!(
        resolved(text),
        vec![
            s("duped", "Dana Ruiz"),
            s("a con", "Dana Ruiz"),
            s("tape.", "Dana Ruiz")
        ]
    );
    // `what he called` names only the words after it.
    assert_eq!(
        speakers(text),
        vec![s("duped", "Ruiz"), s("a con", "Ruiz"), s("tape.", "he")]
    );
}

#[test]
fn an_object_relative_clause_with_an_appositive_names_its_own_subject() {
    // Not the noun the `which` clause modifies.
    let text = "The levy, which the company’s chief executive, Ana Ortiz, called \
        “a cash grab,” takes effect in May.\n\n\
        Given the new rules -- which the bank’s chairman, Omar Reyes, called \
        “pure theater” -- few expect change.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("a cash grab,", "Ana Ortiz"),
            s("pure theater", "Omar Reyes"),
        ]
    );
}

#[test]
fn a_second_opening_clause_chained_with_but_is_no_report_of_the_quote() {
    let text = "Following early reports of the fire, but before county officials had \
        weighed in with any explanation, Mayor Lena Holt said at a briefing that \
        “an accident” was likely.\n";
    assert_eq!(speakers(text), vec![s("an accident", "Mayor Lena Holt")]);
}

#[test]
fn a_participle_on_the_noun_after_a_run_on_quote_is_no_tag() {
    let text = "Senator Mia Park is describing as “reckless” a campaign ad \
        attacking her record.\n\n\
        “We will win,” a supporter said, adding that the race was close.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("reckless", "Senator Mia Park"),
            s("We will win,", "a supporter")
        ]
    );
}

#[test]
fn a_quantifier_before_a_past_tense_is_its_subject() {
    let text = "Later, the mother of three replied, “It is meant to help mothers.”\n\n\
        The crowd cheered. Some chanted “Four more years!”\n\n\
        Several said they wanted “block grants” instead.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("It is meant", "the mother of three"),
            s("Four more years!", "Some"),
            s("block grants", "Several"),
        ]
    );
}

#[test]
fn a_date_modifier_or_a_year_phrase_does_not_hide_the_source() {
    let text = "“They are wrong,” said 9/11 widow Ann Price.\n\n\
        The deal angered Senator Lou Marsh, who in 2010 said it would make the city \
        a “ghost town.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("They are wrong,", "9/11 widow Ann Price"),
            s("ghost town.", "who")
        ]
    );
}

#[test]
fn a_quote_that_a_relative_clause_modifies_is_not_its_words() {
    // `who feel that way` modifies “some people”; the senator reports it.
    let text = "Asked about anger among his supporters, the senator acknowledged \
        that there are still “some people” who feel that way.\n";
    assert_eq!(speakers(text), vec![s("some people", "the senator")]);
}

#[test]
fn a_predicate_is_never_a_source() {
    // `erupted in a chorus of …` and `that extend beyond TV` are verbs
    // with their complements; `best known` is a passive.
    let text = "Delegates reportedly erupted in a chorus of booing and loud chants of “no.”\n\n\
        The studio wants franchises that extend beyond TV shows, including films like \
        “The Exorcist.”\n\n\
        Wilmore likes to joke. He is best known for appearances as the “senior correspondent” on the show.\n";
    assert_eq!(
        speakers(text),
        vec![s("no.", "Delegates"), s("senior correspondent", "He")]
    );
}

#[test]
fn a_surname_that_is_also_a_function_word_speaks_in_a_tag() {
    // `Will` is no auxiliary and `From` no preposition right after a
    // quote closed on a comma.
    let text = "“The party must change,” Will wrote.\n\n\
        “It was a different time,” From said. “And it is different now.”\n\n\
        “And so it goes.” And then the hall emptied.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("The party must", "Will"),
            s("It was a", "From"),
            s("And it is", "From"),
            // Carried over from the paragraph before: `And` is no name.
            s("And so it", "From"),
        ]
    );
    // Before a verb that no modal takes, `Will` is a name too.
    let text = "While Will acknowledges the candidate's appeal as a “forceful persona,” \
        he backs the governor.\n";
    assert_eq!(speakers(text), vec![s("forceful persona,", "Will")]);
}

#[test]
fn a_sentence_adverb_is_not_part_of_the_name_after_it() {
    let text = "Meanwhile Ruiz continues to call the deal “a disaster.”\n";
    assert_eq!(speakers(text), vec![s("a disaster.", "Ruiz")]);
}

#[test]
fn a_document_the_colon_labels_is_the_source() {
    let text = "The gap is exemplified by this finding: “27 companies reported \
        16,389 subsidiaries.”\n";
    assert_eq!(
        speakers(text),
        vec![s("27 companies reported", "this finding")]
    );
}

#[test]
fn a_quote_inside_an_opening_as_clause_is_that_clause_speakers() {
    let text = "As Ruiz went on about “how the system is rigged,” Mel Ortiz nodded \
        and said yes, over and over again.\n";
    assert_eq!(speakers(text), vec![s("how the system", "Ruiz")]);
}

#[test]
fn an_inverted_read_takes_a_document_phrase_or_one_of_several() {
    let text = "Planes towed banners over the parade.\n\n\
        “Go home,” read one.\n\n\
        “He is wrong,” reads a Wednesday editorial in The Daily Ledger.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("Go home,", "one"),
            s("He is wrong,", "a Wednesday editorial")
        ]
    );
}

#[test]
fn a_trailing_tag_with_a_described_name() {
    let text = "Marsh said the country was lost. “We will always be here,” an angry \
        Ortiz retaliated. “We never give up.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("We will always", "an angry Ortiz"),
            s("We never give", "an angry Ortiz"),
        ]
    );
}

#[test]
fn the_two_and_a_document_released_on_a_weekday_speak_in_a_tag() {
    let text = "The senators sent a letter.\n\n\
        “You have set a new standard,” the two write. “We do not understand it.”\n\n\
        “The request is denied,” the order released Friday said.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("You have set", "the two"),
            s("We do not", "the two"),
            s("The request is", "the order"),
        ]
    );
}

#[test]
fn a_name_right_after_a_quote_makes_a_noun_like_verb_a_tag() {
    // `state` could be a noun; after `,” the Saudis` it is the tag's verb.
    let text = "“We share the same enemy,” the Saudis state in the white paper. \
        “We will act.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("We share the", "the Saudis"),
            s("We will act.", "the Saudis")
        ]
    );
}

#[test]
fn a_coordinated_predicate_shares_the_clause_subject() {
    let text = "Ann Ruiz, the chair of the state party, is backing Marsh as a delegate \
        and in a statement credited him for “a fearless campaign.”\n\n\
        But Lee laid off more than 200 staffers and began talking about what \
        happens “if we do not win.”\n";
    assert_eq!(
        speakers(text),
        vec![s("a fearless campaign.", "Ann Ruiz"), s("if we do", "Lee")]
    );
}

#[test]
fn standing_by_someones_side_is_no_report() {
    let text = "With her husband, former Governor Tom Ruiz, standing by her side, Ana Ruiz \
        has told her supporters that “we are in this together.”\n";
    assert_eq!(speakers(text), vec![s("we are in", "Ana Ruiz")]);
}

#[test]
fn an_inverted_said_is_not_taken_before_a_relative_clause() {
    // `said the days when …`: `the days` is the reported clause's subject.
    let text = "Ana Ruiz, the co-author of “Going Viral,” about rumors, said the days \
        when the nation had “a shared view” are gone.\n";
    let analysis = Engine::english().analyze(text);
    let said = analysis
        .cues
        .iter()
        .find(|c| c.span.slice(text) == "said")
        .expect("a said cue");
    assert_ne!(
        said.source.as_ref().map(|m| m.span.slice(text)),
        Some("the days")
    );
}

#[test]
fn a_participle_after_the_quote_is_no_tag_for_a_quote_introduced_before_it() {
    let text = "One index pegged his fortune at $2.9 billion, which Mr. Lane called \
        “a disgrace,” blaming the index's owner.\n";
    assert_eq!(speakers(text), vec![s("a disgrace,", "Mr. Lane")]);
}

#[test]
fn a_speaker_heard_or_seen_saying_in_footage() {
    let text = "The network has the video.\n\n\
        “Should there be a registry?” a reporter can be heard asking Lane after the event.\n";
    assert_eq!(speakers(text), vec![s("Should there be", "a reporter")]);
}

#[test]
fn a_name_after_a_sentence_initial_conjunction_is_the_subject() {
    let text = "But Sen. Ana Ruiz (D-Ill.), noting the size of the crowd, said, \
        “She will play a big role.”\n\n\
        And the state’s attorney general, Pam Ortiz, said, “We agree.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("She will play", "Sen. Ana Ruiz"),
            s("We agree.", "Pam Ortiz")
        ]
    );
}

#[test]
fn a_source_familiar_with_someones_thinking() {
    // `thinking` is the object of `with` (after `the` or a possessive), not
    // a participle that ends the phrase.
    let text = "A source familiar with the thinking said, “It is about support.”\n\n\
        Another source familiar with Lane’s thinking said, “It is about timing.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("It is about", "A source familiar with the thinking"),
            s(
                "It is about",
                "Another source familiar with Lane’s thinking"
            ),
        ]
    );
}

#[test]
fn which_notes_reports_for_the_noun_before_it() {
    let text = "The release linked to a wire report, which notes, “More than half gave \
        money.”\n\n\
        The Kremlin, which noted, “The talks went well,” did not say more.\n";
    assert_eq!(
        speakers(text),
        vec![s("More than half", "which"), s("The talks went", "which")]
    );
}

#[test]
fn a_speaker_who_takes_the_floor_at_the_end_of_the_sentence_goes_on() {
    let text = "“Tell her I promised you a picture,” Ann Lowe said, and her husband cut \
        in. “Don’t forget the frame.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("Tell her I", "Ann Lowe"),
            s("Don’t forget the", "her husband")
        ]
    );
}

#[test]
fn a_fragment_under_a_named_subject_is_that_speakers_not_the_claim_before() {
    // The sentence before has a report, but the fragment's own sentence
    // names who is speaking, past a parenthetical and an interrupter.
    let text = "Democrats in Congress have argued that the message helps candidates \
        down the ballot. Senate Minority Leader Harry Reid (D-Nev.), in particular, has \
        been pounding the nominee as a “con artist” for weeks.\n";
    assert_eq!(
        speakers(text),
        vec![s("con artist", "Senate Minority Leader Harry Reid")]
    );
}

#[test]
fn a_participle_hangs_from_the_main_clause_not_a_relative_clause_report() {
    let text = "Ms. Grant was defensive when asked about a contractor who said he was never \
        paid for the work, saying, “Maybe he didn’t finish the job.”\n";
    assert_eq!(speakers(text), vec![s("Maybe he didn’t", "Ms. Grant")]);
}

#[test]
fn a_reduced_relative_report_speaks_the_words_in_it() {
    let text = "Rep. Dana Cole, the ranking member of the committee, called on the governor \
        to act on the leaks -- a campaign the Ohio congresswoman said is meant to \
        \"sow distrust\" in the count.\n";
    assert_eq!(
        speakers(text),
        vec![s("sow distrust", "the Ohio congresswoman")]
    );
}

#[test]
fn a_clause_opened_by_and_as_with_a_new_name_has_its_own_speaker() {
    // `went on about` reports like `talked about`; `and as Ortiz …` opens a
    // clause with its own speaker after the earlier tag.
    let text = "“Are you listening?” she asked, but her husband was asleep, and as Ortiz \
        went on about “a broken promise” and “forgotten towns,” the room fell silent.\n";
    assert_eq!(
        speakers(text),
        vec![
            s("Are you listening?", "she"),
            s("a broken promise", "Ortiz"),
            s("forgotten towns,", "Ortiz"),
        ]
    );
}

#[test]
fn an_aside_opened_by_as_is_no_new_speaker() {
    let text = "He assured the crowd that he is not weak - as Ortiz has said - and he can \
        \"guarantee\" a win.\n";
    assert_eq!(speakers(text), vec![s("guarantee", "He")]);
}

#[test]
fn which_after_a_name_or_a_dash_reports_for_the_noun_before_it() {
    let text = "To check the claim, reporters turned to the Denver Police Department which \
        reported “1,204 burglaries” last year.\n\n\
        The audit -- which notes that most agencies overspent, “by a third on average,” \
        in 2019 -- was sent to the council.\n";
    assert_eq!(
        speakers(text),
        vec![s("1,204 burglaries", "which"), s("by a third", "which")]
    );
    assert_eq!(
        resolved(text)[0],
        s("1,204 burglaries", "Denver Police Department")
    );
}

#[test]
fn a_quote_paragraph_goes_on_from_the_main_clause_not_an_opening_clause_report() {
    let text = "Though she called the merger “reckless” and asked for fees to be \
        “returned” to customers, Senator Vale kept her remarks about new rules to \
        general terms.\n\n\
        “If a bank can’t follow the law, it should be fined.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("reckless", "she"),
            s("returned", "she"),
            s("If a bank", "Senator Vale")
        ]
    );
}

#[test]
fn a_time_phrase_before_the_verb_is_no_source() {
    let text = "The Pentagon less than two weeks ago said for the first time that \
        “classified” files had been lost. The mayor a few days ago said the plan was \
        “dead.”\n";
    assert_eq!(
        speakers(text),
        vec![s("classified", "The Pentagon"), s("dead.", "The mayor")]
    );
}

#[test]
fn a_phrase_ending_on_a_past_tense_is_no_source() {
    let text = "He sent out a fundraising email as the budget hearing began vowing to \
        “fight for every dollar” in the state.\n";
    assert_eq!(speakers(text), vec![s("fight for every", "He")]);
}

#[test]
fn a_name_mentioned_after_a_he_that_goes_on_is_not_who_he_is_next() {
    // Topic continuity: `he` at the head of the second sentence still means
    // the chairman, so the names later in that sentence are only mentioned,
    // and the next `he said` goes on with the chairman.
    let text = "“Plan now,” said Dale Whitcomb, a former party chairman.\n\n\
        “Nobody wants a fight,” he said.\n\n\
        Though the last change went smoothly, he said, a new one could lead to \
        lobbying by loyalists to Joe Marsh and Bernie Colton.\n\n\
        “This is a different time,” he said.\n";
    assert_eq!(
        resolved(text),
        vec![
            s("Plan now,", "Dale Whitcomb"),
            s("Nobody wants a", "Dale Whitcomb"),
            s("This is a", "Dale Whitcomb"),
        ]
    );
    // With nobody yet shown to be a `he`, the subject named before the
    // `he` sentence is the topic (`Ted Cruz, who won …`), not the names
    // that sentence mentions.
    let text = "Ted Corbin, who won two states, is calling for rivals to quit.\n\n\
        Though he did not name Mark Rubin or John Kasey, he made it clear \
        that they should go.\n\n\
        He asked them to “prayerfully consider” their campaigns.\n";
    assert_eq!(
        resolved(text),
        vec![s("prayerfully consider", "Ted Corbin")]
    );
    // A name with a verb of its own after the `he` is the antecedent
    // (`When he arrived, Trump said …`).
    let text = "“We wait,” said Dale Whitcomb, the chairman.\n\n\
        When he reached the podium, Joe Marsh said the vote was over. \
        “It is done,” he said.\n";
    assert_eq!(
        resolved(text),
        vec![
            s("We wait,", "Dale Whitcomb"),
            s("It is done,", "Joe Marsh")
        ]
    );
}

#[test]
fn a_plural_noun_after_a_determiner_is_the_subject_of_a_coordinated_cue() {
    // `The officials` is no verb (`Ruiz says` is): the clause's subject
    // opens the sentence and speaks the second verb of the coordination.
    let text = "The filings were public.\n\n\
        The auditors combed the filings and said that most firms \
        “kept subsidiaries offshore.”\n";
    assert_eq!(
        speakers(text),
        vec![s("kept subsidiaries offshore.", "The auditors")]
    );
}

#[test]
fn a_name_inside_a_quote_or_a_bare_phrase_is_not_the_next_he() {
    // Somebody's words that name a person do not make that person the
    // narrative's `he`.
    let text = "“We start today,” Dale Whitcomb said.\n\n\
        The polls were close. “I trust Joe Marsh to win it,” he said.\n";
    assert_eq!(
        resolved(text),
        vec![
            s("We start today,", "Dale Whitcomb"),
            s("I trust Joe", "Dale Whitcomb")
        ]
    );
    // A bare capitalised phrase (`City Hall`) is passed over, and the
    // subject named before it is the antecedent, not the last speaker of
    // a quote.
    let text = "“No one works harder,” Ana Wasser said of Bobby Scott.\n\n\
        Scott joked that the race was close, at City Hall on Friday.\n\n\
        “I have always been insulted by that,” he told the group.\n";
    assert_eq!(
        resolved(text),
        vec![
            s("No one works", "Ana Wasser"),
            s("I have always", "Bobby Scott"),
        ]
    );
}

#[test]
fn a_colon_after_a_document_by_a_name_introduces_that_authors_words() {
    // Same paragraph and the next: the author named after `by`, past a
    // short time phrase, not the time phrase or nobody.
    let text = "The fact-checkers rated a tweet by Dana Ruiz on June 11: \
        “Jobs are up everywhere.”\n\n\
        Critics looked at how the site rated this statement by Dana Ruiz last week:\n\n\
        “Crime is down in every city.”\n";
    assert_eq!(
        speakers(text),
        vec![
            s("Jobs are up", "Dana Ruiz"),
            s("Crime is down", "Dana Ruiz")
        ]
    );
}

#[test]
fn an_appeal_for_words_is_a_speech_noun() {
    let text = "The old slogans are back.\n\n\
        Mayor Ruiz’s appeal for “law and order on every block” drew cheers.\n";
    assert_eq!(speakers(text), vec![s("law and order", "Mayor Ruiz’s")]);
}
