/**
 * Staff-facing text in English and Slovenian. Every message a member of staff reads comes from
 * here; `{name}` placeholders are filled by `t`.
 */

export const LANGUAGES = ['en', 'sl'] as const;
export type Language = (typeof LANGUAGES)[number];

const en = {
  'menu.setup': 'Set up',
  'menu.refreshForm': 'Refresh form from Excursions',
  'menu.score': 'Score applicants',
  'menu.allocate': 'Allocate places',
  'menu.preview': 'Preview notices',
  'menu.send': 'Send notices',
  'menu.dashboard': 'Dashboard',
  'app.title': 'Excursion Desk',
  'error.title': 'Excursion Desk could not finish',
  'error.generic': 'Something went wrong: {message}',
  'outcome.unchanged': 'Nothing was changed. The details are in the Log sheet.',
  'outcome.restored':
    'Nothing was changed: what it had already written was undone, so the sheets are as they were. The details are in the Log sheet.',
  'outcome.saved': 'The work itself was finished and saved. The details are in the Log sheet.',
  'outcome.partial':
    'It stopped partway and could not undo all it had written. Run it again to finish; the details are in the Log sheet.',
  'outcome.setup': 'Set up stopped partway. Run Set up again: it finishes what is missing and makes nothing twice.',
  'outcome.sending':
    'Sending stopped. The Status of each notice in the Notices sheet says what happened to it; Send notices again sends what is left (a notice left at Sending is never sent again: check it by hand).',
  'error.busy': 'Another Excursion Desk action is running right now. Please try again in a minute.',
  'error.missingHeader':
    'Sheet "{sheet}" has no column "{header}". Add it back (row 1) and try again; nothing was written.',
  'error.duplicateHeader':
    'Sheet "{sheet}" has the column "{header}" twice. Rename one of them and try again; nothing was written.',
  'error.missingSheet': 'There is no sheet "{sheet}". Run Set up to create it; nothing was written.',
  'setting.applicationDeadline': 'Last day to apply. A date means the end of that day in the spreadsheet time zone.',
  'setting.language': 'Language of the menu, the messages and the notices: sl or en.',
  'setting.acceptLate': 'TRUE to let late applications take part in the allocation.',
  'setting.minEnglishLevel': 'Lowest English level that may take part: {levels}.',
  'setting.requireSignedForm': 'TRUE to allocate only applications whose "Signed Form Received" box is ticked.',
  'setting.senderName': 'Name shown as the sender of every notice.',
  'setting.replyTo': 'Address that receives replies to the notices (blank: your own).',
  'setting.quotaReserve': 'E-mails of the daily quota to keep unused, so that staff can still send their own.',
  'setting.maxExcursionsPerMunicipality': 'How many excursions one municipality may get in total (allocation rounds).',
  'setting.prioritizeNewcomers': 'TRUE to put municipalities that have not attended an excursion yet first.',
  'setting.attachPdf': 'TRUE to attach the acceptance letter as a PDF.',
  'setting.replyDays':
    'Days a municipality has to answer an offer: Reply By is the day the offer is sent plus this many days.',
  'setting.reminderDays': 'How many days before Reply By the one reminder goes (0: on the Reply By day itself).',
  'setting.autoReallocate':
    'TRUE to offer the places freed by a decline or a lapse at once; FALSE to wait until staff run Allocate places.',
  'setting.templateFolderId': 'Drive folder of the notice templates (written by Set up).',
  'setting.template': 'Google Doc id of the template of the "{type}" notice {language} (written by Set up).',
  'language.en': 'English',
  'language.sl': 'Slovenian',
  'error.unknownCriterion':
    'Scoring cell {cell} names the criterion "{value}", which Excursion Desk does not know. Use one of: {known}. Nothing was written.',
  'error.badWeight': 'Scoring cell {cell} holds "{value}", which is not a number. Nothing was written.',
  'settingProblem.bool': '"{value}" is not TRUE or FALSE',
  'settingProblem.int': '"{value}" is not a whole number of at least {min}',
  'settingProblem.date': '"{value}" is not a date',
  'settingProblem.language': '"{value}" is not sl or en',
  'settingProblem.level': '"{value}" is not one of {levels}',
  'error.badSetting': 'Settings cell {cell} ({key}): {problem}. Correct it and try again; nothing was written.',
  'error.badNumber': 'Cell {cell} holds "{value}", which is not a number{range}. Nothing was written.',
  'score.line': '{criterion} ({shown}): {value} × {weight} = {points}',
  'score.manual': 'Manual adjustment: {points}',
  'score.total': 'Total: {total}',
  'score.notGiven': 'not given',
  'score.unknownPopulation': 'population unknown',
  'score.yes': 'yes',
  'score.no': 'no',
  'score.done': 'Scored {count} {count:application|applications}.',
  'score.title': 'Scores written',
  'criterion.English level': 'English level',
  'criterion.Knowledge sharing': 'Knowledge sharing',
  'criterion.Content score': 'Content score',
  'criterion.Smaller municipality': 'Smaller municipality',
  'criterion.Solutions of interest': 'Solutions of interest',
  'criterion.First-time participant': 'First-time participant',
  'reason.granted':
    '{rank} choice; priority {priority} of {competitors} at {label}; {granted} of {requested} places granted',
  'reason.kept': '{rank} choice; kept by staff ({mark}); {granted} {granted:place|places}',
  'reason.full': '{rank} choice; waitlisted at {label}, position {position}: {why}',
  'reason.full.ahead': 'the applicants ahead of it in priority ({ahead}) hold {taken} of the {places} places',
  'reason.full.kept':
    '{kept} places are held by offers made earlier to applicants after it in priority (an offer made is kept)',
  'reason.full.rounds': '{rest} places went to applicants after it in priority while it took its first excursion',
  'reason.full.none': 'the excursion has no places',
  'reason.offer':
    '{rank} choice; offered {granted} {granted:place|places} earlier, kept while the municipality answers',
  'reason.promoted':
    '{rank} choice; {granted} {granted:place|places} offered, ranked above its place at {releases}: it keeps that place until it answers, and confirming this one gives it up',
  'reason.rejected': '{rank} choice; locked as Rejected by staff',
  'reason.declined': '{rank} choice; declined by the municipality',
  'reason.lapsed': '{rank} choice; the offer lapsed: no answer by Reply By',
  'reason.released': '{rank} choice; given up: the municipality confirmed an excursion it ranked higher',
  'reason.gone': 'No longer allocated: the application is {status}',
  'reason.better':
    'Not offered: the municipality holds, declined or let lapse as many excursions as it may have, all ranked higher',
  'rank.1': '1st',
  'rank.2': '2nd',
  'rank.3': '3rd',
  'rank.n': '{n}th',
  'error.noScore':
    '{count} {count:application|applications} that {count:takes|take} part {count:has|have} no Score yet (first: {first}). Run Score applicants first; nothing was written.',
  'error.badPlaces':
    'Excursions cell {cell} holds "{value}"; {what} must be a whole number of at least {min}. Nothing was written.',
  'error.noExcursions':
    'No excursion has Status "Open" or "Allocated", so there is nothing to allocate. Nothing was written.',
  'allocate.title': 'Allocate places',
  'allocate.confirm':
    'Allocate {applicants} {applicants:application|applications} over {excursions} {excursions:excursion|excursions}?\n\nSeats: {seats}\nDecisions: {decisions}\nChanged since the last run: {changed}\nNotices to queue: {notices}{details}',
  'allocate.none': 'none',
  'allocate.offered': 'Newly offered a place ({count}): {names}',
  'allocate.promoted':
    'Offered a place ranked higher, keeping the place they hold until they answer ({count}): {names}',
  'allocate.lost': 'Would lose or change a place ({count}): {names}',
  'allocate.unmatched':
    'Waiting, because the municipality is not a name in the Municipalities sheet ({count}): {names}. Correct the Municipality cell in Applications to let them take part.',
  'allocate.freed': 'Places freed by declines and lapsed offers since the last allocation: {count}',
  'allocate.more': 'and {count} more',
  'allocate.places': '{places} {places:place|places}',
  'allocate.change': '{before} → {after} places',
  'allocate.withdrawn': 'place withdrawn',
  'allocate.keeps': 'keeps {label}',
  'allocate.done':
    'Places allocated. {changed} {changed:decision|decisions} changed; {notices} {notices:notice|notices} queued.',
  'action.cancelled': 'Nothing was changed.',
  'error.templateMissing':
    'The template for "{template}" (setting {key}) cannot be opened: {problem}. Run Set up to recreate it. Nothing was sent.',
  'error.templateProblem': 'The template "{template}" {problem}. Nothing was sent.',
  'error.noForm': 'The application form cannot be found. Run Set up to create or relink it; nothing was sent.',
  'error.noReplyForm': 'The reply form cannot be found. Run Set up to create or relink it; nothing was sent.',
  'error.noReplySecret':
    'The reply links cannot be signed: the spreadsheet has no reply key yet. Run Set up once; nothing was sent.',
  'template.noSubject': 'does not begin with a line "Subject: …"',
  'template.empty': 'has no text after its Subject line',
  'template.unknown': 'names the placeholder {{{name}}}, which Excursion Desk does not know (known: {known})',
  'send.title': 'Send notices',
  'send.nothing': 'No notice is waiting to be sent.',
  'send.confirm':
    'Send {count} {count:notice|notices}?\n\nOf each type: {types}\n\nQuota left today: {quota}, of which {reserve} {reserve:is|are} kept in reserve.',
  'send.done': 'Sent {sent}, failed {failed}, skipped {skipped}. {left}',
  'send.left.none': 'Nothing is left to send.',
  'send.left.quota': "{left} {left:notice waits|notices wait} for tomorrow's e-mail quota; sending resumes by itself.",
  'send.left.time': '{left} {left:notice is|notices are} left; sending resumes by itself within the hour.',
  'send.invalidRecipient': 'Not sent: "{to}" is not a valid e-mail address',
  'send.duplicateKey': 'Not sent: the key {key} was already sent or is being sent in another row',
  'preview.title': 'Preview of the notices',
  'preview.none': 'There is no notice to preview: select rows in Notices, or queue some first.',
  'preview.to': 'To',
  'preview.subject': 'Subject',
  'dash.title': 'Excursion Desk: dashboard',
  'dash.overview': 'Overview',
  'dash.applications': 'Applications',
  'dash.takingPart': 'Taking part',
  'dash.seats': 'Seats granted / places',
  'dash.noticesSent': 'Notices sent',
  'dash.noticesWaiting': 'Notices waiting',
  'dash.quota': 'E-mails left today',
  'dash.places': 'Places',
  'dash.demand': 'Demand',
  'dash.granted': 'Granted',
  'dash.seatsChart': 'Seats and demand per excursion',
  'dash.accepted': 'Accepted',
  'dash.waitlisted': 'Waitlisted',
  'dash.notSelected': 'Not selected',
  'dash.decisionsChart': 'Decisions per excursion',
  'dash.statusChart': 'Applications per status',
  'dash.regionChart': 'Applications per region',
  'dash.scoreChart': 'Score distribution',
  'dash.noticesTable': 'Notices',
  'dash.sent': 'Sent',
  'dash.waiting': 'Waiting',
  'dash.sending': 'Sending',
  'dash.skipped': 'Skipped',
  'dash.running': 'Running {action}…',
  'dash.done': '{action}: done.',
  'dash.failed': '{action} failed: {message}',
  'dash.refreshFigures': 'Refresh figures',
  'dash.actions': 'Actions',
  'dash.loading': 'Reading the figures…',
  'dash.asOf': 'Figures as of {time}',
  'criterionHelp.English level': 'Fluent 3, Good working knowledge 2, Basic 1, None 0.',
  'criterionHelp.Knowledge sharing': '1 when the municipality will share what it learns, else 0.',
  'criterionHelp.Content score': 'Content Score given by staff, 0 to 10.',
  'criterionHelp.Smaller municipality':
    'Population band: under 5,000 is 3, under 20,000 is 2, under 50,000 is 1, else 0.',
  'criterionHelp.Solutions of interest': 'Number of smart solutions of interest, at most 6.',
  'criterionHelp.First-time participant': '1 when the municipality has not attended an excursion yet.',
  'setup.title': 'Excursion Desk is set up',
  'setup.created': 'Created',
  'setup.repaired': 'Repaired',
  'setup.unchanged': 'Already in place',
  'setup.formLink': 'Link to send to the municipalities',
  'setup.formEdit': 'Edit the form',
  'setup.sheet': 'sheet "{name}"',
  'setup.columns':
    '{count:column|columns} {columns} added to "{sheet}" (if you renamed a column, give it back its name and delete the new one)',
  'setup.settings': '{count} {count:setting|settings} in the Settings sheet',
  'setup.scoring': 'default scoring criteria',
  'setup.municipalities': 'list of {count} municipalities',
  'setup.excursions': '{count} sample {count:excursion|excursions} (check dates and places)',
  'setup.form': 'the application form',
  'setup.formRows': 'excursion rows of the form ({count} open)',
  'setup.trigger': 'form-submit trigger',
  'setup.triggerDuplicates': 'form-submit trigger (extra copies removed)',
  'setup.templates': '{count} notice {count:template|templates} in Drive folder "{folder}"',
  'refresh.title': 'Form refreshed',
  'refresh.changed': 'The form now lists {count} open {count:excursion|excursions}: {labels}.',
  'refresh.unchanged': 'The form already lists every open excursion ({count}).',
  'refresh.none': 'No excursion has Status "Open", so the form was left as it was.',
  'refresh.noForm': 'There is no form yet. Run Set up first.',
  'refresh.noGrid': 'The form has no question "{title}" any more, so it was left as it was.',
  'issue.municipalityUnknown': 'Municipality "{entered}" is not in the Municipalities list',
  'issue.municipalityAmbiguous': 'Municipality "{entered}" could be {candidates}',
  'issue.municipalityTypo': 'Municipality "{entered}" read as {name}',
  'issue.municipalityMissing': 'No municipality given',
  'issue.emailMissing': 'No e-mail address given',
  'issue.emailInvalid': 'E-mail address "{email}" is not valid',
  'issue.consentMissing': 'Consent to the processing of the data not given',
  'issue.noExcursion': 'No excursion chosen',
  'issue.englishMissing': 'English proficiency not given',
  'issue.englishUnknown': 'English proficiency "{value}" is not one of the options',
  'issue.englishBelow': 'English proficiency {value} is below the required {min}',
  'issue.late': 'Submitted after the deadline ({deadline})',
  'issue.unknownOption': '{question}: "{value}" is not one of the options',
  'issue.unknownExcursion': 'Excursion "{label}" is not open for applications',
  'issue.rankTwice': '{rank} given to more than one excursion; kept {label}',
  'issue.delegatesInvalid': 'Number of delegates "{value}" is not 1, 2 or 3; counted as 1',
  'issue.contactMissing': 'No contact person given',
  'issue.duplicateOlder': 'Replaced by {id}, a later application from the same municipality',
  'issue.duplicateNewer': 'Replaces {ids}',
  'issue.cut': '{question} was longer than a cell holds and was shortened',
  'setup.noOpenExcursion':
    'No excursion in the Excursions sheet has Status "Open", so the form would have no excursion to choose. The sheets were checked and repaired, but the form was not created or changed. Set the Status of at least one excursion to Open and run Set up again.',
  'setup.formPublished':
    'the application form was not published and took no answers: it is now published and accepting responses',
  'setup.formClosed':
    'the application form is published but not accepting responses (closed by hand): left closed; reopen it in Google Forms to take answers again',
  'setup.formNoOpen':
    'the application form, left exactly as it was: no excursion has Status "Open", so its excursion rows were not changed (open one and run Refresh form)',
  'send.stale.noRow': 'Not sent: the Allocations sheet no longer has a row for {app} at {exc}',
  'send.stale.notOffered':
    'Not sent: {app} no longer has an open offer at {exc} (Decision {decision}, Response {response}); Allocate places queues what it must be told now',
  'send.stale.alreadyTold': 'Not sent: {app} was already told this about {exc} (Told: {told})',
  'send.stale.notWaitlisted': 'Not sent: {app} is no longer on the waiting list at {exc} (Decision {decision})',
  'send.stale.notNotSelected': 'Not sent: {app} is no longer Not selected at {exc} (Decision {decision})',
  'send.stale.noAnswer': 'Not sent: no answer of {app} about {exc} is recorded (Response is blank)',
  'setup.replyForm':
    'the reply form (each municipality offered a place confirms or declines it there, through its personal link)',
  'setup.replyFormLinked': 'the reply form was no longer linked to this spreadsheet: it is linked again',
  'setup.formLinked':
    'the application form was no longer linked to this spreadsheet: the same form is linked again (its link stays valid), and its answers go to a new response sheet',
  'setup.replyFormPublished':
    'the reply form was not published and took no replies: it is now published and accepting responses',
  'setup.replyFormClosed':
    'the reply form is published but not accepting responses (closed by hand): left closed; no reply can arrive until you reopen it in Google Forms',
  'dash.placesOfPlaces': 'Places granted / places',
  'dash.placesRequested': 'Places asked for',
  'dash.placesGranted': 'Places granted',
  'dash.placesChart': 'Places per excursion: asked for and granted',
  'dash.placesFreed': 'Places freed by declines and lapsed offers (Allocate places offers them)',
  'dash.municipalities': 'Municipalities applying',
  'dash.firstChoice': '1st choice',
  'dash.declined': 'Declined',
  'dash.lapsed': 'Offer lapsed',
  'dash.decisionsByMunicipality': 'Decisions per excursion (municipalities)',
  'dash.noDecision': 'no decision yet',
  'dash.excursionId': 'Excursion ID',
  'dash.excursion': 'Excursion',
  'dash.notice': 'Notice',
  'dash.status': 'Status',
  'dash.count': 'Applications',
  'dash.scoreBelow': 'below {to}',
  'dash.scoreBand': '{from} to below {to}',
  'dash.noScore': 'no score',
  'dash.noRegion': 'no region',
  'dash.noStatus': 'no status',
  'status.Received': 'Received',
  'status.Incomplete': 'Incomplete',
  'status.Late': 'Late',
  'status.Duplicate': 'Duplicate',
  'status.Ineligible': 'Ineligible',
  'status.Withdrawn': 'Withdrawn',
  'status.Open': 'Open',
  'status.Closed': 'Closed',
  'status.Allocated': 'Allocated',
  'status.Done': 'Done',
  'status.Accepted': 'Accepted',
  'status.Waitlisted': 'Waitlisted',
  'status.Not selected': 'Not selected',
  'status.Rejected': 'Rejected',
  'status.Confirmed': 'Confirmed',
  'status.Declined': 'Declined',
  'status.Lapsed': 'Lapsed',
  'status.Queued': 'Queued',
  'status.Sending': 'Sending',
  'status.Sent': 'Sent',
  'status.Failed': 'Failed',
  'status.Skipped': 'Skipped',
  'noticeType.invitation': 'invitation to apply',
  'noticeType.call_reminder': 'reminder of the application deadline',
  'noticeType.received': 'confirmation of receipt',
  'noticeType.incomplete': 'incomplete application',
  'noticeType.late': 'late application',
  'noticeType.ineligible': 'ineligible application',
  'noticeType.accepted': 'places granted',
  'noticeType.waitlisted': 'waiting list',
  'noticeType.not_selected': 'not selected',
  'noticeType.promoted': 'place offered from the waiting list',
  'noticeType.changed': 'change of places',
  'noticeType.reminder': 'reply reminder',
  'noticeType.lapsed': 'offer lapsed',
  'noticeType.reply': 'reply acknowledged',
  'count.item': '{label} ({count})',
  'language.in.en': 'in English',
  'language.in.sl': 'in Slovenian',
  'level.Fluent': '"Fluent"',
  'level.Good working knowledge': '"Good working knowledge"',
  'level.Basic': '"Basic"',
  'level.None': '"None"',
  'choice.1st choice': '1st choice',
  'choice.2nd choice': '2nd choice',
  'choice.3rd choice': '3rd choice',
  'setup.removed': 'Removed',
  'setup.emptySheet': 'the empty sheet "{name}" of the new spreadsheet',
  'log.created': 'Created {what}',
  'log.repaired': 'Repaired {what}',
  'log.removed': 'Removed {what}',
  'log.form': 'Form: {url}',
  'log.taken': '{id} from "{sheet}" row {row}: {status}',
  'log.takenReplacing': '{id} from "{sheet}" row {row}: {status}, replaces {ids}',
  'log.confirmation': 'Confirmation',
  'log.acknowledgement': 'Acknowledgement',
  'log.queuedBusy': '{notice} left Queued: another run is sending; a later run sends it',
  'log.queuedProblem': '{notice} left Queued: {problem}',
  'log.notTaken':
    'The answer in "{sheet}" row {row} is not taken in yet: {problem}. It stays in that sheet and {next}.',
  'log.notTakenUnknown':
    "The answer in the form's response sheet row {row} is not taken in yet: {problem}. It stays in that sheet and {next}.",
  'log.next.reply': 'the next reply takes it in',
  'log.next.application': 'the next submission or Set up takes it in',
  'log.scored': 'Scored {count} {count:application|applications}',
  'log.cancelled': 'Cancelled at the confirmation; nothing written',
  'log.allocated':
    '{applications} {applications:application|applications}, {excursions} {excursions:excursion|excursions}; {decisions}; {changed} changed; {queued} {queued:notice|notices} queued; seats {seats}; input digest {digest}',
  'log.sendBusy': 'Not run: another run is sending',
  'log.sent': 'Sent {sent}, failed {failed}, skipped {skipped}, left {left}',
  'log.sentStopped': 'Sent {sent}, failed {failed}, skipped {skipped}, left {left} (stopped by {by})',
  'log.by.quota': 'quota',
  'log.by.time': 'time',
  'log.scheduledLocked': 'Another run holds the lock; trying again later',
  'log.scheduledBusy': 'Another run is sending; trying again later',
  'log.stopped': 'Stopped: {problem}',
  'log.notRun': 'Not run: another action held the lock',
  'log.undone': 'Undone: {writes} {writes:write|writes}; the sheets are as they were before the action',
  'log.committed': 'The work was complete and saved before the failure',
  'log.partial': 'Could not undo {left} {left:write|writes}: {problem}',
  'log.nothingWritten': 'Nothing had been written',
  'log.offerAt': '{app} at {exc}',
  'log.replyByUnreadable':
    '{app} at {exc} (Allocations row {row}): Reply By "{shown}" is not a date, so this offer gets no reminder and does not lapse until it is corrected',
  'log.replyByBlank':
    '{app} at {exc} (Allocations row {row}): Reply By is blank, so this offer gets no reminder and does not lapse until it is corrected',
  'log.remindersQueued': 'Reminders queued: {list}',
  'log.lapsed': 'Lapsed (Reply By passed): {list}',
  'log.deadlinesNotChecked': 'Deadlines not checked: {problem}',
  'log.reoffered':
    'Freed places offered again (autoReallocate): {changed} changed; {queued} {queued:notice|notices} queued',
  'log.notReoffered': 'Freed places not offered: {problem}; staff can run Allocate places',
  'log.sendingStopped': 'Sending stopped: {problem}',
  'log.invitationsQueued':
    'Invitations queued: {count}; skipped (not an e-mail address): {malformed}; without an address: {noAddress}; invited already: {already}',
  'log.signedRemindersQueued': 'Signed form reminders queued: {list}',
  'log.signedRemindersNotChecked': 'Signed form reminders not checked: {problem}',
  'log.callRemindersQueued': 'Call reminders queued: {list}',
  'log.callRemindersNotChecked': 'Call reminders not checked: {problem}',
  'reply.where': 'Reply in "{sheet}" row {row}',
  'reply.refused': '{where} changed nothing: {why}',
  'reply.noCode': 'it has no Reply code',
  'reply.malformed': 'its Reply code "{code}" is not a code this desk makes',
  'reply.foreign':
    'its Reply code "{code}" does not carry this spreadsheet\'s signature (altered, mistyped or made by another spreadsheet)',
  'reply.noRow': '{name} has no row in Allocations',
  'reply.lapsed': 'the offer to {name} has lapsed',
  'reply.answered': 'the offer to {name} was already answered (Response is {response})',
  'reply.blank': 'blank',
  'reply.noOffer': '{name} holds no open offer (Decision {decision}, Told {told}): it was withdrawn or never sent',
  'reply.earlier': 'the code is for an earlier offer to {name} (revision {offered}; the offer now is revision {now})',
  'reply.late': 'the offer to {name} lapsed at the end of {replyBy}; the reply came on {answeredOn}',
  'reply.badAnswer': 'its answer "{answer}" is neither "{yes}" nor "{no}"',
  'reply.pending': 'its acknowledgement is already pending',
  'reply.queued': '{key} queued',
  'reply.taken': '{where}: {name} {answer}; {notice}',
  'reply.takenNamed': '{where}: {name} {answer}, {count} {count:delegate|delegates} named; {notice}',
  'reply.reallocated': 'autoReallocate: allocation run again after the replies; {count} {count:notice|notices} queued',
  'reply.notReallocated': 'autoReallocate: the allocation could not run again: {why} Run Allocate places.',
  'menu.sendInvitations': 'Send the call',
  'setting.callReminderDays':
    'How many days before the application deadline the one reminder goes to invited municipalities that have not applied (blank: no reminder).',
  'setting.attachApplicationPdf':
    'TRUE to attach the application, as the municipality answered it, as a PDF to print, sign and stamp to the "received" notice.',
  'call.title': 'Send the call',
  'call.confirm':
    'Municipalities that will get the invitation, each with its own link to the application form: {count}.\n{quota}{left}{noAddress}{malformed}{already}\n\nSend the call now?',
  'call.quota':
    "Today's mail quota allows {today} of them ({remaining} left today, {reserve} kept in reserve by the setting quotaReserve).",
  'call.rest': ' Left for the following days, sent by the scheduled run: {rest}; days they need: {days}.',
  'call.restNever':
    " Left that cannot go: {rest}, because the setting quotaReserve keeps back a whole day's quota. Lower it and run Send the call again.",
  'call.noAddress': '\n\nNo address in Municipalities (column Email), so not mailed ({count}): {names}.',
  'call.malformed': '\n\nNot an e-mail address, so written to Notices as Skipped with the reason ({count}): {names}.',
  'call.already': '\n\nInvited already, so not mailed again ({count}).',
  'call.nothing':
    'No municipality is left to invite: every one with an address in Municipalities (column Email) has its invitation already.{noAddress}{malformed}',
  'call.done': 'Invitations sent {sent}, failed {failed}, skipped {skipped}. {left}',
  'call.badAddress':
    'Not sent: "{to}" is not an e-mail address. Correct it in Municipalities (column Email) and run Send the call again.',
  'call.more': ' and {count} more',
  'issue.signedFormMissing':
    'The application signed and stamped has not reached us yet: please print the PDF attached to our confirmation of {id}, sign and stamp it, and send it back before the deadline',
} as const;

export type MessageKey = keyof typeof en;

const sl: Record<MessageKey, string> = {
  'menu.setup': 'Nastavitev',
  'menu.refreshForm': 'Osveži obrazec iz ekskurzij',
  'menu.score': 'Točkuj prijavitelje',
  'menu.allocate': 'Razporedi mesta',
  'menu.preview': 'Predogled obvestil',
  'menu.send': 'Pošlji obvestila',
  'menu.dashboard': 'Nadzorna plošča',
  'app.title': 'Excursion Desk',
  'error.title': 'Excursion Desk dela ni mogel dokončati',
  'error.generic': 'Prišlo je do napake: {message}',
  'outcome.unchanged': 'Nič ni bilo spremenjeno. Podrobnosti so na listu Log.',
  'outcome.restored':
    'Nič ni bilo spremenjeno: kar je bilo že zapisano, je razveljavljeno, zato so listi takšni, kot so bili. Podrobnosti so na listu Log.',
  'outcome.saved': 'Delo je bilo dokončano in shranjeno. Podrobnosti so na listu Log.',
  'outcome.partial':
    'Dejanje se je ustavilo sredi dela in vsega, kar je že zapisalo, ni bilo mogoče razveljaviti. Zaženite ga znova, da se dokonča; podrobnosti so na listu Log.',
  'outcome.setup':
    'Nastavitev se je ustavila sredi dela. Znova zaženite Nastavitev: dokončala bo, kar manjka, in ničesar ne bo ustvarila dvakrat.',
  'outcome.sending':
    'Pošiljanje se je ustavilo. Status vsakega obvestila na listu Notices pove, kaj se je z njim zgodilo. Če znova zaženete Pošlji obvestila, bo poslano, kar je ostalo (obvestilo s statusom Sending se nikoli ne pošlje znova: preverite ga sami).',
  'error.busy': 'Prav zdaj že teče drugo dejanje programa Excursion Desk. Poskusite znova čez minuto.',
  'error.missingHeader':
    'List "{sheet}" nima stolpca "{header}". Dodajte ga nazaj (1. vrstica) in poskusite znova; nič ni bilo zapisano.',
  'error.duplicateHeader':
    'List "{sheet}" ima stolpec "{header}" dvakrat. Preimenujte enega in poskusite znova; nič ni bilo zapisano.',
  'error.missingSheet': 'Lista "{sheet}" ni. Zaženite Nastavitev, ki ga bo ustvarila; nič ni bilo zapisano.',
  'setting.applicationDeadline':
    'Zadnji dan za oddajo prijav. Datum pomeni konec tega dne v časovnem pasu preglednice.',
  'setting.language': 'Jezik menija, sporočil in obvestil: sl ali en.',
  'setting.acceptLate': 'TRUE, če naj pri razporejanju sodelujejo tudi prepozne prijave (oddane po roku).',
  'setting.minEnglishLevel': 'Najnižja raven znanja angleščine, s katero prijava še sodeluje: {levels}.',
  'setting.requireSignedForm':
    'TRUE, če naj se razporedijo samo prijave, pri katerih je označeno polje "Signed Form Received" (podpisana prijavnica je prispela).',
  'setting.senderName': 'Ime pošiljatelja, ki je navedeno pri vseh obvestilih.',
  'setting.replyTo': 'Naslov, na katerega prispejo odgovori na obvestila (prazno: vaš naslov).',
  'setting.quotaReserve':
    'Koliko e-sporočil dnevne kvote naj ostane neporabljenih, da lahko osebje še pošilja svojo pošto.',
  'setting.maxExcursionsPerMunicipality':
    'Največje število ekskurzij, ki jih lahko dobi ena občina (toliko je krogov razporejanja).',
  'setting.prioritizeNewcomers': 'TRUE, če imajo prednost občine, ki se še niso udeležile nobene ekskurzije.',
  'setting.attachPdf': 'TRUE, če naj bo obvestilu o dodeljenih mestih priloženo pismo v obliki PDF.',
  'setting.replyDays':
    'Koliko dni ima občina za odgovor na ponudbo: rok za odgovor (Reply By) je dan, ko je ponudba poslana, in še toliko dni.',
  'setting.reminderDays': 'Koliko dni pred rokom za odgovor se pošlje opomnik (samo eden; 0: na dan roka).',
  'setting.autoReallocate':
    'TRUE, če naj se mesta, ki se sprostijo, ker je občina ponudbo odklonila ali ni odgovorila pravočasno, takoj ponudijo naslednjim na čakalnem seznamu; FALSE, če počakajo, da osebje zažene Razporedi mesta.',
  'setting.templateFolderId': 'Mapa v Google Drivu s predlogami obvestil (zapiše jo Nastavitev).',
  'setting.template': 'Id dokumenta Google s predlogo obvestila "{type}" {language} (zapiše ga Nastavitev).',
  'language.en': 'angleščina',
  'language.sl': 'slovenščina',
  'error.unknownCriterion':
    'Celica {cell} na listu Scoring navaja merilo "{value}", ki ga Excursion Desk ne pozna. Uporabite eno od teh meril: {known}. Nič ni bilo zapisano.',
  'error.badWeight': 'Celica {cell} na listu Scoring vsebuje "{value}", kar ni število. Nič ni bilo zapisano.',
  'settingProblem.bool': '"{value}" ni TRUE ali FALSE',
  'settingProblem.int': '"{value}" ni celo število, ki je najmanj {min}',
  'settingProblem.date': '"{value}" ni datum',
  'settingProblem.language': '"{value}" ni sl ali en',
  'settingProblem.level': '"{value}" ni med možnostmi {levels}',
  'error.badSetting':
    'Celica {cell} na listu Settings ({key}): {problem}. Popravite jo in poskusite znova; nič ni bilo zapisano.',
  'error.badNumber': 'Celica {cell} vsebuje "{value}", kar ni število{range}. Nič ni bilo zapisano.',
  'score.line': '{criterion} ({shown}): {value} × {weight} = {points}',
  'score.manual': 'Ročni popravek: {points}',
  'score.total': 'Skupaj: {total}',
  'score.notGiven': 'ni podana',
  'score.unknownPopulation': 'število prebivalcev ni znano',
  'score.yes': 'da',
  'score.no': 'ne',
  'score.done': 'Točkovanih prijav: {count}.',
  'score.title': 'Točke so zapisane',
  'criterion.English level': 'Znanje angleščine',
  'criterion.Knowledge sharing': 'Prenos znanja',
  'criterion.Content score': 'Vsebinska ocena',
  'criterion.Smaller municipality': 'Manjša občina',
  'criterion.Solutions of interest': 'Rešitve, ki občino zanimajo',
  'criterion.First-time participant': 'Prva udeležba',
  'reason.granted':
    '{rank} izbira; prednost {priority} od {competitors} pri {label}; dodeljenih mest: {granted} od {requested}',
  'reason.kept': '{rank} izbira; ohranjeno po odločitvi osebja ({mark}); mest: {granted}',
  'reason.full': '{rank} izbira; čakalni seznam pri {label}, mesto na seznamu {position}: {why}',
  'reason.full.ahead': 'prijavitelji z večjo prednostjo (število: {ahead}) imajo mest: {taken} od {places}',
  'reason.full.kept':
    'mest, ki jih imajo že dane ponudbe prijaviteljem z manjšo prednostjo: {kept} (dana ponudba velja)',
  'reason.full.rounds':
    'mest, ki so jih dobili prijavitelji z manjšo prednostjo, medtem ko je ta dobila svojo prvo ekskurzijo: {rest}',
  'reason.full.none': 'ekskurzija nima mest',
  'reason.offer': '{rank} izbira; ponudba je bila dana že prej (mest: {granted}) in velja, dokler občina ne odgovori',
  'reason.promoted':
    '{rank} izbira; ponujenih mest: {granted}, uvrščeno višje od mesta pri {releases}: to mesto obdrži, dokler ne odgovori, s potrditvijo tega pa se mu odpove',
  'reason.rejected': '{rank} izbira; osebje jo je zaklenilo kot zavrnjeno (Rejected)',
  'reason.declined': '{rank} izbira; občina je odklonila',
  'reason.lapsed': '{rank} izbira; ponudba je potekla: do roka za odgovor ni bilo odgovora',
  'reason.released': '{rank} izbira; opuščeno: občina je potrdila ekskurzijo, ki jo je uvrstila višje',
  'reason.gone': 'Ni več razporejeno: prijava je zdaj {status}',
  'reason.better':
    'Ni ponujeno: občina ima, je odklonila ali pustila poteči toliko ekskurzij, kolikor jih sme imeti, vse uvrščene višje',
  'rank.1': '1.',
  'rank.2': '2.',
  'rank.3': '3.',
  'rank.n': '{n}.',
  'error.noScore':
    '{count} {count:prijava|prijavi|prijave|prijav}, ki {count:sodeluje|sodelujeta|sodelujejo|sodeluje}, še {count:nima|nimata|nimajo|nima} točk (prva: {first}). Najprej zaženite Točkuj prijavitelje; nič ni bilo zapisano.',
  'error.badPlaces':
    'Celica {cell} na listu Excursions vsebuje "{value}"; {what} mora biti celo število, ki je najmanj {min}. Nič ni bilo zapisano.',
  'error.noExcursions':
    'Nobena ekskurzija nima statusa "Open" ali "Allocated", zato ni kaj razporediti. Nič ni bilo zapisano.',
  'allocate.title': 'Razporedi mesta',
  'allocate.confirm':
    'Želite razporediti {applicants} {applicants:prijavo|prijavi|prijave|prijav} na {excursions} {excursions:ekskurzijo|ekskurziji|ekskurzije|ekskurzij}?\n\nMesta: {seats}\nOdločitve: {decisions}\nSpremenjeno od zadnjega razporejanja: {changed}\nObvestila za čakalno vrsto: {notices}{details}',
  'allocate.none': 'ni jih',
  'allocate.offered': 'Na novo ponujeno mesto (število: {count}): {names}',
  'allocate.promoted':
    'Ponujeno mesto, uvrščeno višje; mesto, ki ga imajo, obdržijo, dokler ne odgovorijo (število: {count}): {names}',
  'allocate.lost': 'Mesto bi izgubili ali bi se jim spremenilo (število: {count}): {names}',
  'allocate.unmatched':
    'Čakajo, ker njihove občine ni med imeni na listu Municipalities (število: {count}): {names}. Popravite celico Municipality na listu Applications, da bodo sodelovale.',
  'allocate.freed': 'Mesta, sproščena z odklonitvami in poteklimi ponudbami od zadnjega razporejanja: {count}',
  'allocate.more': 'in še {count}',
  'allocate.places': '{places} {places:mesto|mesti|mesta|mest}',
  'allocate.change': 'število mest: {before} → {after}',
  'allocate.withdrawn': 'mesto odvzeto',
  'allocate.keeps': 'obdrži {label}',
  'allocate.done': 'Mesta so razporejena. Spremenjene odločitve: {changed}; nova obvestila v čakalni vrsti: {notices}.',
  'action.cancelled': 'Nič ni bilo spremenjeno.',
  'error.templateMissing':
    'Predloge za "{template}" (nastavitev {key}) ni mogoče odpreti: {problem}. Zaženite Nastavitev, ki jo bo ustvarila znova. Nič ni bilo poslano.',
  'error.templateProblem': 'Predloga "{template}" {problem}. Nič ni bilo poslano.',
  'error.noForm':
    'Prijavnega obrazca ni mogoče najti. Zaženite Nastavitev, ki ga bo ustvarila ali znova povezala; nič ni bilo poslano.',
  'error.noReplyForm':
    'Obrazca za odgovor ni mogoče najti. Zaženite Nastavitev, ki ga bo ustvarila ali znova povezala; nič ni bilo poslano.',
  'error.noReplySecret':
    'Povezav za odgovor ni mogoče podpisati: preglednica še nima ključa za odgovore. Enkrat zaženite Nastavitev; nič ni bilo poslano.',
  'template.noSubject': 'se ne začne z vrstico "Subject: …"',
  'template.empty': 'za vrstico Subject nima besedila',
  'template.unknown': 'navaja oznako {{{name}}}, ki je Excursion Desk ne pozna (znane: {known})',
  'send.title': 'Pošlji obvestila',
  'send.nothing': 'Nobeno obvestilo ne čaka na pošiljanje.',
  'send.confirm':
    'Želite poslati {count} {count:obvestilo|obvestili|obvestila|obvestil}?\n\nPo vrstah: {types}\n\n{quota:Danes je na voljo še|Danes sta na voljo še|Danes so na voljo še|Danes je na voljo še} {quota} {quota:e-sporočilo|e-sporočili|e-sporočila|e-sporočil}; od tega {reserve:ostane|ostaneta|ostanejo|ostane} {reserve} v rezervi.',
  'send.done': 'Poslano: {sent}; ni uspelo: {failed}; preskočeno: {skipped}. {left}',
  'send.left.none': 'Nič ne čaka več na pošiljanje.',
  'send.left.quota':
    '{left} {left:obvestilo čaka|obvestili čakata|obvestila čakajo|obvestil čaka} na jutrišnjo kvoto e-pošte; pošiljanje se bo nadaljevalo samodejno.',
  'send.left.time':
    '{left:Ostalo je še|Ostali sta še|Ostala so še|Ostalo je še} {left} {left:obvestilo|obvestili|obvestila|obvestil}; pošiljanje se bo samodejno nadaljevalo v eni uri.',
  'send.invalidRecipient': 'Ni poslano: "{to}" ni veljaven e-naslov',
  'send.duplicateKey': 'Ni poslano: obvestilo s ključem {key} je že poslano ali se pošilja v drugi vrstici',
  'preview.title': 'Predogled obvestil',
  'preview.none':
    'Ni obvestila za predogled: izberite vrstice na listu Notices ali najprej dodajte obvestila v čakalno vrsto.',
  'preview.to': 'Prejemnik',
  'preview.subject': 'Zadeva',
  'dash.title': 'Excursion Desk: nadzorna plošča',
  'dash.overview': 'Pregled',
  'dash.applications': 'Prijave',
  'dash.takingPart': 'Sodelujejo',
  'dash.seats': 'Dodeljena mesta / mesta',
  'dash.noticesSent': 'Poslana obvestila',
  'dash.noticesWaiting': 'Obvestila na čakanju',
  'dash.quota': 'Danes še e-sporočil',
  'dash.places': 'Mesta',
  'dash.demand': 'Povpraševanje',
  'dash.granted': 'Dodeljeno',
  'dash.seatsChart': 'Mesta in povpraševanje po ekskurzijah',
  'dash.accepted': 'Sprejeti',
  'dash.waitlisted': 'Na čakalnem seznamu',
  'dash.notSelected': 'Niso izbrani',
  'dash.decisionsChart': 'Odločitve po ekskurzijah',
  'dash.statusChart': 'Prijave po statusu',
  'dash.regionChart': 'Prijave po regijah',
  'dash.scoreChart': 'Porazdelitev točk',
  'dash.noticesTable': 'Obvestila',
  'dash.sent': 'Poslana',
  'dash.waiting': 'Čakajo',
  'dash.sending': 'V pošiljanju',
  'dash.skipped': 'Preskočena',
  'dash.running': 'Teče {action} …',
  'dash.done': '{action}: končano.',
  'dash.failed': '{action} ni uspelo: {message}',
  'dash.refreshFigures': 'Osveži številke',
  'dash.actions': 'Dejanja',
  'dash.loading': 'Berem številke …',
  'dash.asOf': 'Stanje ob {time}',
  'criterionHelp.English level':
    'Točke po odgovoru v obrazcu: Fluent (tekoče) 3, Good working knowledge (dobro delovno znanje) 2, Basic (osnovno) 1, None (brez znanja) 0.',
  'criterionHelp.Knowledge sharing': '1, če bo občina pridobljeno znanje prenesla drugim, sicer 0.',
  'criterionHelp.Content score': 'Vsebinska ocena, ki jo osebje vpiše v stolpec Content Score, od 0 do 10.',
  'criterionHelp.Smaller municipality':
    'Razred po številu prebivalcev: pod 5.000 je 3, pod 20.000 je 2, pod 50.000 je 1, sicer 0.',
  'criterionHelp.Solutions of interest': 'Število pametnih rešitev, ki občino zanimajo, največ 6.',
  'criterionHelp.First-time participant': '1, če se občina še ni udeležila nobene ekskurzije.',
  'setup.title': 'Excursion Desk je nastavljen',
  'setup.created': 'Ustvarjeno',
  'setup.repaired': 'Popravljeno',
  'setup.unchanged': 'Že urejeno',
  'setup.formLink': 'Povezava, ki jo pošljete občinam',
  'setup.formEdit': 'Uredi obrazec',
  'setup.sheet': 'list "{name}"',
  'setup.columns':
    'na listu "{sheet}" {count:dodan stolpec|dodana stolpca|dodani stolpci|dodanih stolpcev} {columns} (če ste stolpec preimenovali, mu vrnite ime in izbrišite novega)',
  'setup.settings': '{count} {count:nastavitev|nastavitvi|nastavitve|nastavitev} na listu Settings',
  'setup.scoring': 'privzeta merila točkovanja',
  'setup.municipalities': 'seznam občin ({count})',
  'setup.excursions':
    '{count} {count:vzorčna ekskurzija|vzorčni ekskurziji|vzorčne ekskurzije|vzorčnih ekskurzij} (preverite datume in število mest)',
  'setup.form': 'prijavni obrazec',
  'setup.formRows': 'vrstice ekskurzij v obrazcu (odprte ekskurzije: {count})',
  'setup.trigger': 'sprožilec ob oddaji obrazca',
  'setup.triggerDuplicates': 'sprožilec ob oddaji obrazca (odvečne kopije odstranjene)',
  'setup.templates': '{count} {count:predloga|predlogi|predloge|predlog} obvestil v mapi "{folder}"',
  'refresh.title': 'Obrazec je osvežen',
  'refresh.changed':
    'V obrazcu {count:je zdaj|sta zdaj|so zdaj|je zdaj} {count} {count:odprta ekskurzija|odprti ekskurziji|odprte ekskurzije|odprtih ekskurzij}: {labels}.',
  'refresh.unchanged': 'Obrazec že navaja vse odprte ekskurzije ({count}).',
  'refresh.none': 'Nobena ekskurzija nima statusa "Open", zato obrazec ni bil spremenjen.',
  'refresh.noForm': 'Obrazca še ni. Najprej zaženite Nastavitev.',
  'refresh.noGrid': 'Obrazec nima več vprašanja "{title}", zato ni bil spremenjen.',
  'issue.municipalityUnknown': 'Občine "{entered}" ni na listu Municipalities',
  'issue.municipalityAmbiguous': 'Vpisano ime občine "{entered}" lahko pomeni {candidates}',
  'issue.municipalityTypo': 'Vpisano ime občine "{entered}" je prebrano kot {name}',
  'issue.municipalityMissing': 'Občina ni navedena',
  'issue.emailMissing': 'E-naslov ni naveden',
  'issue.emailInvalid': 'E-naslov "{email}" ni veljaven',
  'issue.consentMissing': 'Soglasje za obdelavo podatkov ni dano',
  'issue.noExcursion': 'Izbrana ni nobena ekskurzija',
  'issue.englishMissing': 'Znanje angleščine ni navedeno',
  'issue.englishUnknown': 'Odgovor o znanju angleščine "{value}" ni med možnostmi obrazca',
  'issue.englishBelow': 'Znanje angleščine {value} je nižje od zahtevanega {min}',
  'issue.late': 'Prijava je bila oddana po roku ({deadline})',
  'issue.unknownOption': 'Pri vprašanju "{question}" odgovor "{value}" ni med možnostmi obrazca',
  'issue.unknownExcursion': 'Ekskurzija "{label}" ni odprta za prijave',
  'issue.rankTwice': 'Možnost {rank} je označena pri več ekskurzijah; upoštevana je samo pri ekskurziji "{label}"',
  'issue.delegatesInvalid': 'Število delegatov "{value}" ni 1, 2 ali 3; upošteva se 1',
  'issue.contactMissing': 'Kontaktna oseba ni navedena',
  'issue.duplicateOlder': 'Nadomestila jo je poznejša prijava iste občine ({id})',
  'issue.duplicateNewer': 'Nadomešča {ids}',
  'issue.cut': 'Odgovor na vprašanje "{question}" je bil daljši, kot ga sprejme celica, zato je skrajšan',
  'setup.noOpenExcursion':
    'Nobena ekskurzija na listu Excursions nima statusa "Open", zato obrazec ne bi ponujal nobene ekskurzije. Listi so preverjeni in popravljeni, obrazec pa ni bil ustvarjen ali spremenjen. Vsaj eni ekskurziji nastavite Status na Open in znova zaženite Nastavitev.',
  'setup.formPublished':
    'prijavni obrazec ni bil objavljen in ni sprejemal odgovorov: zdaj je objavljen in sprejema odgovore',
  'setup.formClosed':
    'prijavni obrazec je objavljen, a ne sprejema odgovorov (ročno zaprt): ostaja zaprt; če želite spet sprejemati odgovore, ga odprite v Google Obrazcih',
  'setup.formNoOpen':
    'prijavni obrazec je ostal povsem nespremenjen: nobena ekskurzija nima statusa "Open", zato vrstice ekskurzij v njem niso bile spremenjene (odprite eno in zaženite Osveži obrazec iz ekskurzij)',
  'send.stale.noRow': 'Ni poslano: list Allocations nima več vrstice za {app} pri {exc}',
  'send.stale.notOffered':
    'Ni poslano: {app} pri {exc} nima več odprte ponudbe (Decision {decision}, Response {response}); kar je treba sporočiti zdaj, bo v čakalno vrsto uvrstilo dejanje Razporedi mesta',
  'send.stale.alreadyTold': 'Ni poslano: prijavitelju {app} je bilo to o {exc} že sporočeno (Told: {told})',
  'send.stale.notWaitlisted': 'Ni poslano: {app} pri {exc} ni več na čakalnem seznamu (Decision {decision})',
  'send.stale.notNotSelected': 'Ni poslano: {app} pri {exc} nima več odločitve Not selected (Decision {decision})',
  'send.stale.noAnswer': 'Ni poslano: odgovor prijavitelja {app} glede {exc} ni zabeležen (Response je prazen)',
  'setup.replyForm':
    'obrazec za odgovor (v njem občina, ki ji je ponujeno mesto, prek svoje osebne povezave ponudbo potrdi ali odkloni)',
  'setup.replyFormLinked': 'obrazec za odgovor ni bil več povezan s to preglednico: znova je povezan',
  'setup.formLinked':
    'prijavni obrazec ni bil več povezan s to preglednico: isti obrazec je znova povezan (njegova povezava ostaja veljavna), odgovori pa prihajajo na nov list z odgovori',
  'setup.replyFormPublished':
    'obrazec za odgovor ni bil objavljen in ni sprejemal odgovorov: zdaj je objavljen in sprejema odgovore',
  'setup.replyFormClosed':
    'obrazec za odgovor je objavljen, a ne sprejema odgovorov (ročno zaprt): ostaja zaprt; dokler ga v Google Obrazcih ne odprete, odgovori ne morejo prispeti',
  'dash.placesOfPlaces': 'Dodeljena mesta / vsa mesta',
  'dash.placesRequested': 'Zaprošena mesta',
  'dash.placesGranted': 'Dodeljena mesta',
  'dash.placesChart': 'Mesta po ekskurzijah: zaprošena in dodeljena',
  'dash.placesFreed': 'Mesta, sproščena z odklonitvami in poteklimi ponudbami (ponudi jih Razporedi mesta)',
  'dash.municipalities': 'Prijavljene občine',
  'dash.firstChoice': 'Prva izbira',
  'dash.declined': 'Odklonili',
  'dash.lapsed': 'Ponudba potekla',
  'dash.decisionsByMunicipality': 'Odločitve po ekskurzijah (število občin)',
  'dash.noDecision': 'še brez odločitve',
  'dash.excursionId': 'ID ekskurzije',
  'dash.excursion': 'Ekskurzija',
  'dash.notice': 'Obvestilo',
  'dash.status': 'Status',
  'dash.count': 'Prijave',
  'dash.scoreBelow': 'manj kot {to}',
  'dash.scoreBand': 'od {from} do manj kot {to}',
  'dash.noScore': 'brez točk',
  'dash.noRegion': 'brez regije',
  'dash.noStatus': 'brez statusa',
  'status.Received': 'prejeta',
  'status.Incomplete': 'nepopolna',
  'status.Late': 'prepozna',
  'status.Duplicate': 'podvojena',
  'status.Ineligible': 'neustrezna',
  'status.Withdrawn': 'umaknjena',
  'status.Open': 'odprta',
  'status.Closed': 'zaprta',
  'status.Allocated': 'razporejena',
  'status.Done': 'izvedena',
  'status.Accepted': 'sprejeto',
  'status.Waitlisted': 'na čakalnem seznamu',
  'status.Not selected': 'ni izbrano',
  'status.Rejected': 'zavrnjeno',
  'status.Confirmed': 'potrjeno',
  'status.Declined': 'odklonjeno',
  'status.Lapsed': 'poteklo',
  'status.Queued': 'v čakalni vrsti',
  'status.Sending': 'v pošiljanju',
  'status.Sent': 'poslano',
  'status.Failed': 'ni uspelo',
  'status.Skipped': 'preskočeno',
  'noticeType.invitation': 'vabilo k prijavi',
  'noticeType.call_reminder': 'opomnik o roku za prijavo',
  'noticeType.received': 'potrdilo o prejemu prijave',
  'noticeType.incomplete': 'obvestilo o nepopolni prijavi',
  'noticeType.late': 'obvestilo o prepozni prijavi',
  'noticeType.ineligible': 'obvestilo o neustrezni prijavi',
  'noticeType.accepted': 'obvestilo o dodeljenih mestih',
  'noticeType.waitlisted': 'obvestilo o uvrstitvi na čakalni seznam',
  'noticeType.not_selected': 'obvestilo, da prijava ni izbrana',
  'noticeType.promoted': 'ponudba mesta s čakalnega seznama',
  'noticeType.changed': 'obvestilo o spremembi',
  'noticeType.reminder': 'opomnik za odgovor',
  'noticeType.lapsed': 'obvestilo o poteku ponudbe',
  'noticeType.reply': 'potrdilo o prejemu odgovora',
  'count.item': '{label} ({count})',
  'language.in.en': 'v angleščini',
  'language.in.sl': 'v slovenščini',
  'level.Fluent': '"Fluent" (tekoče)',
  'level.Good working knowledge': '"Good working knowledge" (dobro delovno znanje)',
  'level.Basic': '"Basic" (osnovno znanje)',
  'level.None': '"None" (brez znanja)',
  'choice.1st choice': '"1st choice" (1. izbira)',
  'choice.2nd choice': '"2nd choice" (2. izbira)',
  'choice.3rd choice': '"3rd choice" (3. izbira)',
  'setup.removed': 'Odstranjeno',
  'setup.emptySheet': 'prazni list "{name}" nove preglednice',
  'log.created': 'Ustvarjeno: {what}',
  'log.repaired': 'Popravljeno: {what}',
  'log.removed': 'Odstranjeno: {what}',
  'log.form': 'Obrazec: {url}',
  'log.taken': '{id} z lista "{sheet}", vrstica {row}: {status}',
  'log.takenReplacing': '{id} z lista "{sheet}", vrstica {row}: {status}; nadomešča {ids}',
  'log.confirmation': 'Potrdilo o prejemu prijave',
  'log.acknowledgement': 'Potrdilo o prejemu odgovora',
  'log.queuedBusy':
    '{notice} ostaja v čakalni vrsti (Queued): prav zdaj pošilja drugo izvajanje, zato bo poslano pozneje',
  'log.queuedProblem': '{notice} ostaja v čakalni vrsti (Queued): {problem}',
  'log.notTaken': 'Odgovor na listu "{sheet}" v vrstici {row} še ni prevzet: {problem}. Ostaja na tem listu; {next}.',
  'log.notTakenUnknown':
    'Odgovor na listu z odgovori obrazca v vrstici {row} še ni prevzet: {problem}. Ostaja na tem listu; {next}.',
  'log.next.reply': 'prevzet bo ob naslednjem odgovoru',
  'log.next.application': 'prevzet bo ob naslednji oddaji prijave ali ob Nastavitvi',
  'log.scored': 'Točkovanih prijav: {count}',
  'log.cancelled': 'Preklicano ob potrditvi; nič ni bilo zapisano',
  'log.allocated':
    'Prijave: {applications}; ekskurzije: {excursions}; odločitve: {decisions}; spremenjene odločitve: {changed}; nova obvestila v čakalni vrsti: {queued}; mesta: {seats}; izvleček vhodnih podatkov: {digest}',
  'log.sendBusy': 'Ni zagnano: prav zdaj pošilja drugo izvajanje',
  'log.sent': 'Poslano: {sent}; ni uspelo: {failed}; preskočeno: {skipped}; ostalo: {left}',
  'log.sentStopped':
    'Poslano: {sent}; ni uspelo: {failed}; preskočeno: {skipped}; ostalo: {left} (razlog za ustavitev: {by})',
  'log.by.quota': 'dnevna kvota e-pošte',
  'log.by.time': 'časovna omejitev izvajanja',
  'log.scheduledLocked': 'Zaklep ima drugo izvajanje; poskus bo ponovljen pozneje',
  'log.scheduledBusy': 'Prav zdaj pošilja drugo izvajanje; poskus bo ponovljen pozneje',
  'log.stopped': 'Ustavljeno: {problem}',
  'log.notRun': 'Ni zagnano: zaklep je imelo drugo dejanje',
  'log.undone':
    'Razveljavljeno: {writes} {writes:zapis|zapisa|zapisi|zapisov}; listi so takšni, kot so bili pred dejanjem',
  'log.committed': 'Delo je bilo pred napako dokončano in shranjeno',
  'log.partial': 'Nerazveljavljenih zapisov: {left} ({problem})',
  'log.nothingWritten': 'Nič še ni bilo zapisano',
  'log.offerAt': '{app} pri {exc}',
  'log.replyByUnreadable':
    '{app} pri {exc} (list Allocations, vrstica {row}): Reply By "{shown}" ni datum, zato ta ponudba ne dobi opomnika in ne poteče, dokler datuma ne popravite',
  'log.replyByBlank':
    '{app} pri {exc} (list Allocations, vrstica {row}): Reply By je prazen, zato ta ponudba ne dobi opomnika in ne poteče, dokler ga ne izpolnite',
  'log.remindersQueued': 'Opomniki za odgovor v čakalni vrsti: {list}',
  'log.lapsed': 'Ponudbe so potekle (rok za odgovor je minil): {list}',
  'log.deadlinesNotChecked': 'Roki niso bili preverjeni: {problem}',
  'log.reoffered':
    'Sproščena mesta so znova ponujena (autoReallocate): spremenjene odločitve: {changed}; nova obvestila v čakalni vrsti: {queued}',
  'log.notReoffered': 'Sproščena mesta niso bila ponujena: {problem}; osebje lahko zažene Razporedi mesta',
  'log.sendingStopped': 'Pošiljanje se je ustavilo: {problem}',
  'log.invitationsQueued':
    'Povabila v vrsti za pošiljanje: {count}; preskočena (naslov ni e-poštni naslov): {malformed}; brez naslova: {noAddress}; že povabljene: {already}',
  'log.signedRemindersQueued': 'Opomniki za podpisan obrazec v vrsti za pošiljanje: {list}',
  'log.signedRemindersNotChecked': 'Opomniki za podpisan obrazec niso preverjeni: {problem}',
  'log.callRemindersQueued': 'Opomniki o roku za prijavo v vrsti za pošiljanje: {list}',
  'log.callRemindersNotChecked': 'Opomniki o roku za prijavo niso preverjeni: {problem}',
  'reply.where': 'Odgovor na listu "{sheet}" v vrstici {row}',
  'reply.refused': '{where} ni ničesar spremenil: {why}',
  'reply.noCode': 'nima kode odgovora (Reply code)',
  'reply.malformed': 'njegova koda odgovora "{code}" ni koda, ki jo naredi Excursion Desk',
  'reply.foreign':
    'njegova koda odgovora "{code}" nima podpisa te preglednice (je spremenjena, napačno vpisana ali narejena v drugi preglednici)',
  'reply.noRow': '{name} nima vrstice na listu Allocations',
  'reply.lapsed': 'ponudba za {name} je potekla',
  'reply.answered': 'na ponudbo za {name} je že bilo odgovorjeno (Response: {response})',
  'reply.blank': 'prazno',
  'reply.noOffer':
    '{name} nima odprte ponudbe (Decision: {decision}, Told: {told}): ponudba je bila umaknjena ali ni bila nikoli poslana',
  'reply.earlier': 'koda velja za prejšnjo ponudbo za {name} (različica {offered}; zdaj velja različica {now})',
  'reply.late': 'ponudba za {name} je potekla ob koncu dne {replyBy}; odgovor je prispel {answeredOn}',
  'reply.badAnswer': 'njegov odgovor "{answer}" ni ne "{yes}" ne "{no}"',
  'reply.pending': 'potrdilo o prejemu odgovora že čaka na pošiljanje',
  'reply.queued': '{key} v čakalni vrsti',
  'reply.taken': '{where}: {name}: {answer}; {notice}',
  'reply.takenNamed':
    '{where}: {name}: {answer}, {count:imenovan|imenovana|imenovani|imenovanih} {count} {count:delegat|delegata|delegati|delegatov}; {notice}',
  'reply.reallocated':
    'autoReallocate: razporejanje je bilo po odgovorih izvedeno znova; nova obvestila v čakalni vrsti: {count}',
  'reply.notReallocated': 'autoReallocate: razporejanja ni bilo mogoče izvesti znova: {why} Zaženite Razporedi mesta.',
  'menu.sendInvitations': 'Pošlji poziv občinam',
  'setting.callReminderDays':
    'Koliko dni pred rokom za prijave gre eno opozorilo povabljenim občinam, ki se še niso prijavile (prazno: brez opozorila).',
  'setting.attachApplicationPdf':
    'TRUE, če naj bo obvestilu "received" priložena prijava, kot jo je občina oddala, v PDF za tisk, podpis in žig.',
  'call.title': 'Pošiljanje poziva',
  'call.confirm':
    'Število občin, ki bodo prejele povabilo, vsaka s svojo povezavo do prijavnega obrazca: {count}.\n{quota}{left}{noAddress}{malformed}{already}\n\nŽelite poslati poziv zdaj?',
  'call.quota':
    'Današnja kvota pošte jih dovoljuje: {today} (danes ostaja: {remaining}; nastavitev quotaReserve jih zadrži: {reserve}).',
  'call.rest': ' Za naslednje dni, ko jih pošlje načrtovani zagon, ostane: {rest}; število potrebnih dni: {days}.',
  'call.restNever':
    ' Ne more iti: {rest}, ker nastavitev quotaReserve zadrži celotno dnevno kvoto. Znižajte jo in znova zaženite Pošlji poziv občinam.',
  'call.noAddress': '\n\nBrez naslova v listu Municipalities (stolpec Email), zato ne dobijo pošte ({count}): {names}.',
  'call.malformed': '\n\nNaslov ni e-poštni naslov, zato je v Notices zapisano Skipped z razlogom ({count}): {names}.',
  'call.already': '\n\nŽe povabljene, zato ne dobijo pošte znova ({count}).',
  'call.nothing':
    'Nobene občine ni več treba povabiti: vse z naslovom v listu Municipalities (stolpec Email) so povabilo že dobile.{noAddress}{malformed}',
  'call.done': 'Poslana povabila: {sent}; neuspešna: {failed}; preskočena: {skipped}. {left}',
  'call.badAddress':
    'Ni poslano: "{to}" ni e-poštni naslov. Popravite ga v listu Municipalities (stolpec Email) in znova zaženite Pošlji poziv občinam.',
  'call.more': ' in še {count}',
  'issue.signedFormMissing':
    'Podpisane in žigosane prijave še nismo prejeli: natisnite PDF, priložen naši potrditvi prijave {id}, ga podpišite in žigosajte ter nam ga pošljite pred iztekom roka',
};

const catalogues: Record<Language, Record<MessageKey, string>> = { en, sl };

/** The message `key` in `lang` with `{name}` placeholders filled from `params`. */
/** A message to be worded in whichever language it is finally shown in (a parameter of another message). */
export interface MessageRef {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A parameter of a message: a value, or a message of its own worded in the same language. */
export type MessageParam = string | number | MessageRef;

export function t(lang: Language, key: MessageKey, params: Record<string, MessageParam> = {}): string {
  // `{name}` is the value; `{name:one|two|few|other}` (en: `{name:one|other}`) is the word that agrees with it.
  return catalogues[lang][key].replace(/\{(\w+)(?::([^{}]*))?\}/g, (whole, name: string, forms?: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    if (forms !== undefined) return plural(lang, Number(value), forms.split('|'));
    return typeof value === 'object' ? t(lang, value.key, value.params) : String(value);
  });
}

/**
 * The form of a word that agrees with `n`. English: one, other. Slovenian has four (1 prijava,
 * 2 prijavi, 3 prijave, 5 prijav), chosen by the last two digits (101 prijava, 102 prijavi, 111 prijav).
 */
export function plural(lang: Language, n: number, forms: readonly string[]): string {
  const whole = Math.abs(Math.trunc(n));
  if (lang === 'en') return forms[whole === 1 ? 0 : 1] ?? forms[0];
  const end = whole % 100;
  const at = end === 1 ? 0 : end === 2 ? 1 : end === 3 || end === 4 ? 2 : 3;
  return forms[at] ?? forms[forms.length - 1];
}

/** A status or notice type (SPEC vocabulary, as its cell holds it) in the staff's words. */
export function vocabularyLabel(lang: Language, value: string): string {
  const key = (`status.${value}` in en ? `status.${value}` : `noticeType.${value}`) as MessageKey;
  return key in en ? t(lang, key) : value;
}

/** `en` or `sl` from a setting or a locale such as "sl_SI"; English when unknown. */
export function toLanguage(value: unknown): Language {
  const s = String(value ?? '')
    .trim()
    .toLowerCase();
  return s.startsWith('sl') || s === 'slovenščina' || s === 'slovenian' ? 'sl' : 'en';
}

/** Every catalogue, for tests that check both languages hold the same keys. */
export function catalogue(lang: Language): Readonly<Record<MessageKey, string>> {
  return catalogues[lang];
}
