import Testing
import TextKit

/// Attributed statements: speakers resolved to canonical names and sides, kinds, cues, first voice.
@Suite("Attribution")
struct AttributionTests {
    func statements(_ text: String) -> [String] {
        TestTopic.analyze(text).1.attributions.map { "\($0.speaker) | \($0.side) | \($0.kind) | \($0.cue ?? "-")" }
    }

    @Test("Inverted cue after a quote")
    func inverted() {
        #expect(statements("“We will respond to every provocation,” said Armenia’s defence ministry.")
                == ["Armenian Defense Ministry | armenia | direct | said"])
    }

    @Test("According to, before or after the statement")
    func accordingTo() {
        #expect(statements("According to the Azerbaijani Defence Ministry, the attack was repelled.")
                == ["Azerbaijani Defense Ministry | azerbaijan | indirect | according to"])
        #expect(statements("The attack was repelled, according to local media.") == ["unnamed reports | other | indirect | according to"])
    }

    @Test("Joint sources: `accused each other`, `the two defence ministries`, `figures released by the two countries' ministries`")
    func jointSources() {
        #expect(statements("Armenia and Azerbaijan accused each other of breaking the truce.") == ["both sides | both | indirect | accused"])
        #expect(statements("Two soldiers died, according to the two defence ministries.") == ["both sides | both | indirect | according to"])
        #expect(statements("Four soldiers died, according to figures released by the two countries' defence ministries.")
                == ["both sides | both | indirect | according to"])
    }

    @Test("`Per the ministry`; `per cent` and `per day` are no cues")
    func perSource() {
        #expect(statements("The Armenian Defence Ministry spoke of shelling. Per the ministry, the attack began at dawn.")
                == ["Armenian Defense Ministry | armenia | indirect | spoke of", "Armenian Defense Ministry | armenia | indirect | according to"])
        #expect(statements("Exports rose by 12 per cent, or 300 tonnes per day.").isEmpty)
    }

    @Test("Possessors: an office speaks for its government, a possessed non-speaker is no subject, a plural's apostrophe is no quote")
    func possessors() {
        #expect(statements("The Azerbaijani president's office said the talks would go ahead.")
                == ["Azerbaijani government | azerbaijan | indirect | said"])
        #expect(statements("Moscow's lukewarm appeal for calm underlined how little it can do.").isEmpty)
        #expect(statements("Michel received the two countries' envoys in Brussels and said afterwards that progress was \"real\".")
                == ["Charles Michel | eu | direct | said"])
    }

    @Test("An unknown institution's name across `of` and `and`; `condemned what it called` is one statement")
    func institutionNamesAndNominalCues() {
        #expect(statements("A spokesman for the Department of Trade and Industry said exports were unaffected.")
                == ["Department of Trade and Industry | other | indirect | said"])
        #expect(statements("Canada condemned what it called reckless shelling of villages.") == ["Canadian government | other | indirect | condemned"])
    }

    @Test("`It` and `the ministry` refer back to the last speaker of that kind")
    func references() {
        #expect(statements("The Armenian Defence Ministry said the border was calm. It added that two drones were shot down. "
                           + "Later, the ministry confirmed the deaths.")
                == ["Armenian Defense Ministry | armenia | indirect | said", "Armenian Defense Ministry | armenia | indirect | added",
                    "Armenian Defense Ministry | armenia | indirect | confirmed"])
    }

    @Test("`the ministry` skips an object mentioned in between")
    func referenceSkipsObjects() {
        #expect(statements("The Azerbaijani Defence Ministry accused the Armenian troops of shelling. Later, the ministry said a soldier died.")
                == ["Azerbaijani Defense Ministry | azerbaijan | indirect | accused", "Azerbaijani Defense Ministry | azerbaijan | indirect | said"])
    }

    @Test("Metonyms are governments; stance follows the verb")
    func metonyms() {
        let output = TestTopic.analyze("Yerevan denied the charge. Baku claimed that Armenian forces fired first. The Kremlin urged restraint.").1
        #expect(output.attributions.map(\.speaker) == ["Armenian government", "Azerbaijani government", "Russian government"])
        #expect(output.attributions.map(\.stance) == ["denial", "distancing", "demand"])
    }

    @Test("A quote with no cue is the previous speaker's")
    func quoteWithoutCue() {
        #expect(statements("Pashinyan accused Baku of planning an escalation. “There is a very small chance of a deal.”")
                == ["Nikol Pashinyan | armenia | indirect | accused", "Nikol Pashinyan | armenia | direct | -"])
    }

    @Test("A partial quote makes the statement direct; a quote spanning sentences is one statement")
    func partialAndSpanning() {
        #expect(statements("Armenia called the checkpoint a “gross violation” of the ceasefire.") == ["Armenian government | armenia | direct | called"])
        #expect(statements("“The enemy opened fire. We returned it,” the Armenian defence ministry said.")
                == ["Armenian Defense Ministry | armenia | direct | said"])
    }

    @Test("Both sides, once; coordinated verbs are one statement, a participle another")
    func coordination() {
        #expect(statements("Both sides said they acted in self-defence and blamed the other for the fighting.") == ["both sides | both | indirect | said"])
        #expect(statements("The Azerbaijani defence ministry said the situation was under control, adding that “the enemy retreated”.")
                == ["Azerbaijani Defense Ministry | azerbaijan | indirect | said", "Azerbaijani Defense Ministry | azerbaijan | direct | added"])
    }

    @Test("Nouns and names that look like cues are not: the claims, United States")
    func notCues() {
        #expect(statements("The claims could not be verified. The United States said it was concerned.")
                == ["US government | us | indirect | said"])
    }

    @Test("Editorializing: verdicts, predictions, rhetorical questions and `Expect …` in the outlet's voice; neutral copy and quotes are not")
    func verdictsAndQuestions() {
        let text = "The ceasefire talks resumed on Monday. That optimism now looks premature. The mission did nothing to stop the shelling. "
            + "How many more villages must burn before the world acts? Expect both delegations to leave without a deal. "
            + "Tensions flared again on Tuesday. \"Why would we talk now?\" the minister asked. Any truce that ignores the refugees will not hold."
        let output = TestTopic.analyze(text).1
        #expect(output.editorializing.map(\.text) == ["That optimism now looks premature.", "The mission did nothing to stop the shelling.",
                                                      "How many more villages must burn before the world acts?",
                                                      "Expect both delegations to leave without a deal.",
                                                      "Any truce that ignores the refugees will not hold."])
        #expect(output.editorializing[2].markers == ["rhetorical question"])
        #expect(output.editorializing[3].markers == ["expect"])
    }

    @Test("A subordinate clause keeps its subject: `a day after Azerbaijan said`")
    func subordinate() {
        #expect(statements("This comes a day after Azerbaijan said its positions were shelled.")
                == ["Azerbaijani government | azerbaijan | indirect | said"])
    }

    @Test("First voice: the first one-sided claim about the fighting; a third party first is neutral")
    func firstVoice() {
        #expect(TestTopic.analyze("Baku said Armenian forces opened fire. Yerevan denied it.").1.firstVoice == "azerbaijan")
        #expect(TestTopic.analyze("The EU said the shelling must stop. Baku said Armenian forces opened fire.").1.firstVoice == "neutral")
    }

    @Test("Editorializing: positioned statements in the outlet's own voice, not attributed ones")
    func editorializing() {
        let output = TestTopic.analyze("The controversial move violated the deal. Armenia said the move was illegal.").1
        #expect(output.editorializing.map(\.text) == ["The controversial move violated the deal."])
        #expect(output.editorializing.first?.markers == ["controversial", "violated"])
    }

    @Test("Editorializing: labels and verdicts (strongman, aggressor, open secret, photo opportunity, achieved nothing)")
    func editorialVerdicts() {
        let output = TestTopic.analyze("The island's strongman leader arrived late. The summit produced little beyond a photo opportunity. Armenia said the talks achieved nothing.").1
        #expect(output.editorializing.map(\.text) == ["The island's strongman leader arrived late.", "The summit produced little beyond a photo opportunity."])
    }

    @Test("Spokespeople speak for their institution, also later by surname; a role followed by another name is not the topic's person")
    func spokespeople() {
        // The topic's Kremlin spokesman is someone else: the title still names the Kremlin.
        #expect(statements("Kremlin spokeswoman Anna Belova said Moscow was watching closely. Later, Belova said talks must go on.")
                == ["Russian government | russia | indirect | said", "Russian government | russia | indirect | said"])
        // A bare `spokesman X` speaks for the organization that just spoke.
        #expect(statements("The State Department said it was concerned. “Talks are the only way,” spokesman Tom Reed said.")
                == ["US government | us | indirect | said", "US government | us | direct | said"])
        // Someone named in full earlier, then by surname alone.
        #expect(statements("Analyst Maria Okafor said the truce was fragile. “Nobody trusts anyone,” Okafor said.")
                == ["Maria Okafor | other | indirect | said", "Maria Okafor | other | direct | said"])
    }

    @Test("References: `the Prime Minister`, `its defence ministry`, `the Ministry of Defence of the Republic of X`, countries outside the topic")
    func moreReferences() {
        #expect(statements("Prime Minister Nikol Pashinyan spoke in parliament. Later, the Prime Minister confirmed the trip.")
                == ["Nikol Pashinyan | armenia | indirect | confirmed"])
        #expect(statements("Azerbaijan blamed Armenia. Its defence ministry said two soldiers were killed.")
                == ["Azerbaijani government | azerbaijan | indirect | blamed", "Azerbaijani Defense Ministry | azerbaijan | indirect | said"])
        #expect(statements("“We are ready,” the Ministry of Defence of the Republic of Azerbaijan stated.")
                == ["Azerbaijani Defense Ministry | azerbaijan | direct | stated"])
        #expect(statements("Chinese Foreign Ministry spokesperson Li Wen said Beijing hoped for calm. Kazakhstan said it was ready to help.")
                == ["Chinese Foreign Ministry | other | indirect | said", "Kazakh government | other | indirect | said"])
    }

    @Test("Not statements: negated cues, passives past an adverb, `told a different story`, objects of prepositions; relative clauses skipped")
    func notStatements() {
        #expect(statements("New Delhi has so far not commented on the clashes.").isEmpty)
        #expect(statements("The account could not be independently confirmed.").isEmpty)
        #expect(statements("Yerevan told a completely different story.").isEmpty)
        #expect(statements("Analysts in Brussels say the talks will fail.") == ["analysts | other | indirect | said"])
        #expect(statements("Iran, which borders both countries, has long warned against border changes.")
                == ["Iranian government | other | indirect | warned"])
    }

    @Test("Nouns are not cues (`Baku's claim that`, `made similar claims`); a marker inside a compound counts (`Russian-occupied`)")
    func nounClaimsAndCompounds() {
        let (_, a) = TestTopic.analyze("Baku's claim that Armenia fired first is yet another piece of disinformation. "
                                       + "The ministry had made similar claims before. Russian-occupied Crimea is a warning.")
        #expect(a.attributions.isEmpty)
        #expect(a.editorializing.count == 2)
        #expect(a.editorializing.last?.markers == ["occupied"])
    }

    func statements(_ text: String, outletCountry: String?) -> [String] {
        TestTopic.analyze(text, outletCountry: outletCountry).1.attributions.map { "\($0.speaker) | \($0.side) | \($0.kind) | \($0.cue ?? "-")" }
    }

    @Test("An unqualified `the foreign ministry`: the country opening the sentence, the dateline's, the outlet's own it speaks of")
    func localMinistries() {
        // The dateline's country, not a party the sentence names.
        #expect(statements("TBILISI, May 12 — The foreign ministry said it was concerned by the fighting between Armenia and Azerbaijan.\n\n"
                           + "The ministry added that Tbilisi was ready to host talks.")
                == ["Georgian Foreign Ministry | other | indirect | said", "Georgian Foreign Ministry | other | indirect | added"])
        // The country that opens the sentence; the second of two joined objects (`between Armenia and Azerbaijan`) is no subject.
        #expect(statements("Germany is watching \"with alarm\" the fighting between Armenia and Azerbaijan and calls on both sides to stop, "
                           + "the foreign ministry said on Friday.")
                == ["German Foreign Ministry | other | direct | said"])
        #expect(statements("Italy urged restraint on Friday, the foreign ministry said.")
                == ["Italian government | other | indirect | urged", "Italian Foreign Ministry | other | indirect | said"])
        // The outlet's own country, when the article speaks of it; a bare head naming a spokesperson.
        #expect(statements("Iran has called for restraint. Foreign Ministry spokesman Nasser Kanani said Tehran opposed any change to borders.",
                           outletCountry: "Iran")
                == ["Iranian government | other | indirect | called", "Iranian Foreign Ministry | other | indirect | said"])
        // Not when the article never speaks of the outlet's country: the party the sentence names, as before.
        #expect(statements("Azerbaijani forces fired on Armenian posts overnight, the defence ministry said.", outletCountry: "Georgia")
                == ["Azerbaijani Defense Ministry | azerbaijan | indirect | said"])
        // A ministry named before still wins over the dateline.
        #expect(statements("TBILISI, May 12 — Armenia's foreign ministry condemned the shelling.\n\nThe foreign ministry said Baku was to blame.")
                == ["Armenian Foreign Ministry | armenia | indirect | condemned", "Armenian Foreign Ministry | armenia | indirect | said"])
    }

    @Test("`reports said` and `media reports say` are unnamed reports; `claimed … lives` is no statement")
    func reportsSaidAndClaimedLives() {
        #expect(statements("Azerbaijan lost another soldier on Friday, reports said.") == ["unnamed reports | other | indirect | said"])
        #expect(statements("Media reports say the road was closed.") == ["unnamed reports | other | indirect | said"])
        #expect(statements("It should be recalled that the 2020 war, which claimed more than 6,500 lives, ended in November.").isEmpty)
        #expect(statements("The shelling claimed the life of a conscript.").isEmpty)
        // Still a cue: `claimed` with a reported clause; `reports` as a verb.
        #expect(statements("Baku claimed that its positions were shelled.") == ["Azerbaijani government | azerbaijan | indirect | claimed"])
        #expect(statements("Armenia's defence ministry reports that two soldiers were wounded.") == ["Armenian Defense Ministry | armenia | indirect | reported"])
        // `was to blame`: no statement.
        #expect(statements("Officials privately admitted that poor planning was to blame.") == ["officials | other | indirect | acknowledged"])
    }

    @Test("Scare quotes: a short cue-less quote in the outlet's sentence is nobody's words; after a statement it is the speaker's")
    func scareQuotes() {
        let (_, a) = TestTopic.analyze("Azerbaijan set up a checkpoint in April to stop supplies to the so-called \"Nagorno-Karabakh\" separatists. "
                                       + "Since 2014, Crimea has shown what Moscow's \"peacekeeping\" can mean.")
        #expect(a.attributions.isEmpty)
        // Right after a speaker's statement in the same paragraph: the speaker's partial quote.
        #expect(statements("Pashinyan accused Azerbaijan on Thursday of wanting to \"undermine the talks\". There is only a \"very small\" chance of a deal.")
                == ["Nikol Pashinyan | armenia | direct | accused", "Nikol Pashinyan | armenia | direct | -"])
        // A long cue-less quote after a speaker is still theirs.
        #expect(statements("Armenia's defence ministry said the situation was tense.\n\n\"Our units are responding to every provocation.\"")
                == ["Armenian Defense Ministry | armenia | indirect | said", "Armenian Defense Ministry | armenia | direct | -"])
    }

    func editorials(_ text: String) -> [String] { TestTopic.analyze(text).1.editorializing.map(\.text) }

    @Test("Editorializing without loaded words: judgements of effectiveness, escalation verdicts, patterns, veiled motives")
    func verdictsWithoutLoadedWords() {
        let flagged = ["The monitors have kept the peace along the line since the spring.", "The new truce did little to calm the villagers.",
                       "The mediators have failed to bring the two delegations to one table.",
                       "The drone strike is the latest in a long line of breaches of the truce.",
                       "The closure of the road only deepened the distrust on both sides.", "The parade was a thinly veiled message to the neighbours.",
                       "The week's clashes once again exposed the weakness of the monitoring mission.",
                       "Predictably, the summit ended without a joint statement.", "The envoy's visit is unlikely to change the calculus in either capital.",
                       "The bloodshed could have been avoided had the observers been allowed to patrol.",
                       "The mission's \"monitoring\" has done little for the farmers near the line.",
                       "The truce exists largely on paper.", "The mediators appear out of their depth.",
                       "The once-powerful guarantor has been reduced to a spectator."]
        for sentence in flagged { #expect(editorials(sentence) == [sentence], "\(sentence)") }
        #expect(TestTopic.analyze(flagged[10]).1.editorializing.first?.markers == ["done little for", "scare quotes"])
    }

    @Test("Plain reports and background in the outlet's voice are no editorializing")
    func neutralCopyIsNotFlagged() {
        let neutral = ["Two soldiers were wounded on Friday near the village of Sotk.", "The meeting in Brussels is scheduled for Sunday.",
                       "Peacekeepers were deployed to the region in November 2020 under a ceasefire deal.",
                       "Both delegations arrived a little more than a week after the clashes.", "Life in the border villages went on as usual on Saturday.",
                       "The pipeline is bound to the port of Ceyhan by a long-term contract.",
                       "Shops reopened on Saturday, but schools remained closed.", "The talks should have started on Sunday but were postponed.",
                       "The ministry named the \"Sotk\" sector as the scene of the shelling."]
        for sentence in neutral { #expect(editorials(sentence).isEmpty, "\(sentence)") }
    }

    @Test("In an attributed sentence, the outlet's clause after `…, but` is editorializing; a report that goes on is not")
    func outletClauseAfterReport() {
        #expect(editorials("Blinken claimed the talks had brought \"real progress\", but the renewed shelling shows the process has achieved nothing.")
                == ["the renewed shelling shows the process has achieved nothing."])
        #expect(editorials("Aliyev said Baku wanted peace, but the shelling exposed the emptiness of those words.")
                == ["the shelling exposed the emptiness of those words."])
        #expect(editorials("Predictably, the Kremlin called for restraint.") == ["Predictably, the Kremlin called for restraint."])
        // The report goes on (`but that …`, `but it …`), or the contrast comes before the cue: the speaker's words.
        #expect(editorials("Armenia said its troops had returned fire, but that the provocation had failed.").isEmpty)
        #expect(editorials("Baku said the talks would go ahead, but it warned that the provocation would not go unanswered.").isEmpty)
        #expect(editorials("The truce held, but the provocation failed, Armenia's defence ministry said.").isEmpty)
    }

    @Test("`X was quoted by an agency as saying`: X speaks, not the agency")
    func quotedAsSaying() {
        #expect(statements("The Armenian Defence Ministry was quoted by state media as saying that the border was calm.")
                == ["Armenian Defense Ministry | armenia | indirect | said"])
        // Without `quoted by … as`, the agency is the subject.
        #expect(statements("State media said that the border was calm.") == ["unnamed reports | other | indirect | said"])
    }

    @Test("`traded accusations` is reciprocal; channels are unnamed reports; `statements from both governments` is both sides")
    func reciprocalsChannelsAndDataSources() {
        #expect(statements("Armenia and Azerbaijan traded accusations after a night of shelling.") == ["both sides | both | indirect | traded accusations"])
        // `traded` alone is no cue.
        #expect(statements("Armenia and Azerbaijan traded prisoners on Friday.").isEmpty)
        #expect(statements("Several Telegram channels claimed that the village had been shelled.") == ["unnamed reports | other | indirect | claimed"])
        #expect(statements("According to official statements from both governments, two soldiers were wounded.")
                == ["both sides | both | indirect | according to"])
        // `reports from Baku` are news reports, not the government's statement: the rule passes over data nouns, not reports.
        #expect(statements("According to reports from Baku, two soldiers were wounded.") != ["Azerbaijani government | azerbaijan | indirect | according to"])
    }

    @Test("Unknown speakers: an honorific, a relative clause before a hyphenated name's cue, adverbs, an acronym and `the organisation`")
    func unknownSpeakers() {
        #expect(statements("\"Families sleep in cellars,\" said Dr. Mara Olsen, the group's director.") == ["Mara Olsen | other | direct | said"])
        #expect(statements("\"We are tired,\" Ara Ter-Petrosyan, who runs a shop in the village, told reporters.")
                == ["Ara Ter-Petrosyan | other | direct | told"])
        #expect(statements("The Nordic Relief Council (NRC) today called on both governments to spare villages. "
                           + "In a statement, the NRC also urged donors to help. The organisation said it had sent food.")
                == ["Nordic Relief Council | other | indirect | called", "Nordic Relief Council | other | indirect | urged",
                    "Nordic Relief Council | other | indirect | said"])
        // The article before an unknown organisation's name is no part of it; a name that has no article keeps every word.
        #expect(statements("The Harbour Relief Fund said it had sent food to the villages.") == ["Harbour Relief Fund | other | indirect | said"])
        #expect(statements("Harbour Relief Fund director Tom Weller said the roads were closed.").allSatisfy { !$0.hasPrefix("The ") })
        // `the organisation` with no organisation speaking before it is no speaker.
        #expect(statements("The organisation said it had sent food.").isEmpty)
    }

    @Test("`In Paris, the foreign ministry said`: the locative's country owns the ministry, even after another country's ministry")
    func locativeMinistry() {
        #expect(statements("Azerbaijan's foreign ministry said the shelling was a provocation. In Paris, the foreign ministry said France was concerned.")
                == ["Azerbaijani Foreign Ministry | azerbaijan | indirect | said", "French Foreign Ministry | other | indirect | said"])
        // Without the locative, `the foreign ministry` refers back.
        #expect(statements("Azerbaijan's foreign ministry said the shelling was a provocation. Later, the foreign ministry said talks would go on.")
                == ["Azerbaijani Foreign Ministry | azerbaijan | indirect | said", "Azerbaijani Foreign Ministry | azerbaijan | indirect | said"])
    }

    @Test("`The ministry's statement read:` is a cue; `read` elsewhere and infinitives of unrealised speech are not")
    func statementReadAndInfinitives() {
        #expect(statements("Armenia's defence ministry's statement read: \"The enemy fired first.\"") == ["Armenian Defense Ministry | armenia | direct | said"])
        #expect(statements("Armenian soldiers read the leaflets: nobody believed them.").isEmpty)
        #expect(statements("How long before anyone in Baku is asked to explain the losses?").isEmpty)
        #expect(statements("The Azerbaijani Defence Ministry refused to say how many soldiers died.").isEmpty)
    }

    @Test("Editorializing: unmarked verdicts of fact checks and briefings (`could hardly be`, `nobody expects`, `is false`); attributed or neutral ones are not")
    func verdictIdioms() {
        let text = "The ferry talks resumed on Monday. The timing could hardly be worse for the mediators. Nobody expects a deal this week. "
            + "The claim is false. The union said the offer was false and insulting. Officials expect the ferries to run on Friday."
        let output = TestTopic.analyze(text).1
        #expect(output.editorializing.map(\.text) == ["The timing could hardly be worse for the mediators.", "Nobody expects a deal this week.",
                                                      "The claim is false."])
    }
}
