<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ActionItemsTable</name>
    <message>
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AttachmentsSection</name>
    <message>
        <source>Photos and documents</source>
        <extracomment>The server refuses bigger files (SAYPRO_SERVER_MAX_ATTACHMENT_BYTES); say so before copying.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach photos of flip charts, registers or documents. They are kept on this laptop and sent after the text when you sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attached files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach files…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>fetched when you open it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx *.txt *.odt);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File too large</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{names}: files can be at most 25 MB (the server does not take bigger ones). Nothing was attached.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot attach</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not on this laptop yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” has not been downloaded yet; it arrives with the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fetching “{name}” ({size})…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not fetch the file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” could not be fetched: {problem}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” is on this laptop now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{name}” is not a picture or a document this app opens: a file of that kind could run as a program. Save it where you choose, and open it only if you trust where it came from.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save it instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save a copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n file(s) attached.</source>
        <extracomment>Every text with a count, listed so lupdate finds it (it misses most ``translate(ctx, text, None, n)`` calls); build_scripts/translations.py marks texts with %n as plural messages.</extracomment>
        <translation><numerusform>%n file attached.</numerusform><numerusform>%n files attached.</numerusform></translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CompetencyRater</name>
    <message>
        <source>{competency}: rating {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence: what you did that shows this level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{competency}: evidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last time: {value}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not rated. Press 1 to 5; press it again to clear.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value set aside</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep this one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep this one instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Or combine them:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Combined value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep the combined text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>another device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>this laptop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{where}, {day} {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{field}” of “{title}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Kept&lt;/b&gt; — from {who}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Set aside&lt;/b&gt; — from {who}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DevelopmentPlanPage</name>
    <message>
        <source>Development Plan</source>
        <extracomment>A review meeting sets the next one this far ahead.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New goal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your plan has no goals yet. Press “New goal” (Ctrl+N) to write a SMART goal you agreed with your supervisor, or turn the gaps of a self-assessment into goals in one step.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SMART goal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Run monthly data quality checks on my project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What exactly will you do or be able to do?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How will you and your supervisor know it is done?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The steps, small enough to start this month.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why it matters for your work and the communities you serve.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who can read it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agreement with your supervisor or mentor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agreed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your supervisor or mentor agrees each goal from their Team page; editing the goal afterwards asks for their agreement again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What moved forward? (Enter to add)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New progress note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review meeting held</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep what you agreed in the review meeting as a dated note, and set the next review three months on (change it if you agreed otherwise)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Linked records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record to link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlink</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Learning logs and assessments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export the plan as PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All your goals, for the review meeting with your supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export the development plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write the PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Plan saved to {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review meeting: {notes}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log: {title}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assessment: {title}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(not on this laptop)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ The review was due on {day}. Talk to your supervisor and set the next date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>by {day}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Review overdue since {day}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Past its target date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(no goal written yet)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FeedbackThread</name>
    <message>
        <source>a colleague</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n comment(s) from {name}</source>
        <translation><numerusform>%n comment from {name}</numerusform><numerusform>%n comments from {name}</numerusform></translation>
    </message>
    <message>
        <source>Feedback on this entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Comment only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Feedback ({count})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No feedback yet. Be the first to answer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reply…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your comment…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send feedback</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read by whoever can read this entry; sent with the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A colleague</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write something first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Feedback saved; it goes with the next sync.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>My month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything you write is saved on this laptop first and works without internet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>learning logs written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sessions recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>goals on track</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>goals overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>changes waiting to sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a learning log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record a session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assess myself</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Update my plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Feedback for me</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No feedback yet. When your supervisor, mentor or a colleague comments on something you shared, it appears here after a sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are the continuous learner of the quarter: {period}!</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Continuous learner of the quarter: {period}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You are the continuous learner of the month: {period}!</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Continuous learner of the month: {period}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{title}: {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To do: reply or improve it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A colleague</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unfinished drafts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing half-written. Drafts are kept automatically while you type.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My month: {month}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All your work is saved; nothing needs sending.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n at risk, </source>
        <translation><numerusform>%n at risk, </numerusform><numerusform>%n at risk, </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n achieved</source>
        <translation><numerusform>%n achieved</numerusform><numerusform>%n achieved</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) overdue</source>
        <translation><numerusform>%n review overdue</numerusform><numerusform>%n reviews overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), </source>
        <translation><numerusform>%n record, </numerusform><numerusform>%n records, </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Feedback for me (%n unread)</source>
        <translation><numerusform>Feedback for me (%n unread)</numerusform><numerusform>Feedback for me (%n unread)</numerusform></translation>
    </message>
</context>
<context>
    <name>HubEntryDialog</name>
    <message>
        <source>New Hub entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. How the Soshanguve team kept its volunteers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Project (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In two or three sentences: what and for whom</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The whole text (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Links, one a line: https://…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who can read it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Photos and documents are attached once the entry is saved; large ones reach colleagues on a costly connection only when they open them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add to the Hub</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>KnowledgeHubPage</name>
    <message>
        <source>Knowledge Hub</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reflective Practice Toolkit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New Hub entry…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search the library: case studies, toolkits, what colleagues shared…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All projects</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Library entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Propose for the newsletter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Feature in the newsletter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case studies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Toolkits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Best practices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recordings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Guides</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shared learnings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session summaries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Colleagues' learning logs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing in the library matches what you asked for. Clear the search or the filters to see everything.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The library fills with case studies, toolkits, guides and what colleagues share after a sync, and you can read and search it without internet. Nothing is here yet: add the first entry with “New Hub entry…”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(no title)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>★ Featured in the newsletter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>☆ Proposed for the newsletter; a supervisor or L&amp;D confirms it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proposed for the newsletter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Featured in the newsletter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved; it goes with the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only web links open from the Knowledge Hub.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added to the Knowledge Hub; it goes with the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search the Knowledge Hub</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>… and older ones: search or filter to find them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A colleague</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By {author}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LearningLogPage</name>
    <message>
        <source>{name} (supervisor)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} (mentor)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only you will read it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You and {names} will read it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You, your supervisor and your mentor will read it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your team, your supervisor and your mentor will read it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everyone at SayPro can read it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Learning Log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New learning log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No learning logs yet. After a project or a milestone, press “New learning log” (Ctrl+N) and write down what happened and what you learned.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sort</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Newest date first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recently changed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title A–Z</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All projects</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Youth jobs fair in Polokwane</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. youth, cv-clinic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Separate tags with commas.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who can read it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Guided questions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reflection template</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In your own words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(no title yet)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <extracomment>The page of each section, in navigation order: (module in saypro_desktop.ui, class). A desktop's panel, which holds the tray, can come up after the apps it starts at log-in: how long and how often a window that wants a tray keeps looking for one. Where each record type is edited (feedback and attachments open the record they belong to). Started minimized (at log-in) before the tray was there: go into it when it comes.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Learning Log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Self-Assessment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Development Plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Knowledge Hub</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{section} (Ctrl+{number})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Search everything…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add records from a JSON export or a CSV of learning logs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Export my data…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your unsaved typing was kept and is open again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import records</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SayPro exports (*.json *.csv);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export my data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exported {count} records to {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign this laptop out of the server? Everything you wrote stays here, and what waits to be sent goes after you sign in again. Your password still opens your profile.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed out. Your work stays on this laptop; sign in again to sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed out on this laptop only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server could not be reached to end this laptop's sign-in there. If the laptop may be lost, ask your administrator to sign it out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;Learning logs, self-assessments, session notes and development plans for SayPro field staff. Works offline; syncs when a connection appears.&lt;br&gt;&lt;br&gt;Your data: {path}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New feedback: {what}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in again to sync (nothing you wrote is lost)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syncing… {sent} sent, {received} received ({up} up, {down} down)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync failed at {time}: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Partly synced at {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(never fully synced)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(last full sync {time})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last synced {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Working offline (no server set up)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing waiting to sync</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation><numerusform>%n change waiting to sync</numerusform><numerusform>%n changes waiting to sync</numerusform></translation>
    </message>
</context>
<context>
    <name>PlanReport</name>
    <message>
        <source>Agreed with {name} on {day}</source>
        <extracomment>The report's own words, listed for lupdate (``_tr`` translates them when the report is built).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agreement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>changed since: to agree again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Development plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Development plan of {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No goals in the plan yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not agreed yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Printed {day} for the review meeting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PublishSessionDialog</name>
    <message>
        <source>Publish a session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The topic, e.g. Knowledge café: keeping volunteers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online (video portal or meeting)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Office, room or venue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Registration closes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alternative date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>until</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Focus areas and agenda</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Training module or programme (optional)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Facilitators</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pre- and post-check (optional), one question a line: question | right answer | other answers…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check questions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who can register</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>New entry</source>
        <extracomment>How long after the last keystroke the draft is written.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start a new one (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose an entry on the left, or press Ctrl+N to start a new one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete this entry (you can undo it)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draft, not saved yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing matches these filters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New, not saved yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>last changed {day} {time}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server said: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Correct it and save to send it again, or delete it; it stays on this laptop.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not saved yet: please fix what is marked in red.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved “{title}”.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving.</source>
        <translation><numerusform>%n problem to fix before saving.</numerusform><numerusform>%n problems to fix before saving.</numerusform></translation>
    </message>
    <message>
        <source>Delete this entry?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>“{title}” will be deleted on this laptop and, after the next sync, everywhere. You can undo this straight away.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bring it back (Ctrl+Z)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restored “{title}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discard them</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your unsaved changes from {day} {time} were kept. Save to keep them for good.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tomorrow</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RollDialog</name>
    <message>
        <source>Roll: {session}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tick who is here. Registered people are listed; add walk-ins and guests.</source>
        <extracomment>"save" or "close" once accepted.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A colleague who came without registering</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add walk-in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A guest without an account, by name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add guest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the roll</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the session and write the report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Someone (not in your directory)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} (guest)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search everything</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type words to find in logs, assessments, sessions and goals…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Results appear as you type. Enter opens the first one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n result(s). Enter opens the selected one; arrows move.</source>
        <translation><numerusform>%n result. Enter opens the selected one; arrows move.</numerusform><numerusform>%n results. Enter opens the selected one; arrows move.</numerusform></translation>
    </message>
</context>
<context>
    <name>SelfAssessmentPage</name>
    <message>
        <source>Self-Assessment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New self-assessment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No self-assessments yet. Press “New self-assessment” (Ctrl+N) to rate yourself against the SayPro competency framework; do it again in a few months to see how you grew.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who can read it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Progress over time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Radar chart of your ratings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ratings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rate yourself honestly against what each level looks like in practice. Hover over a number to see its description.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reflection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turn these gaps into development goals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This assessment</source>
        <extracomment>The latest assessments, read once per opened record (each rating click compares with them).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This is your first assessment with this framework: the next one will show how you grew.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compared with “{title}” ({day}): higher in {grew}, lower in {dropped}, the same in {same}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Below the expected level: {names}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No gaps: every rated competency is at or above the expected level.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Grow in {competency}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My next self-assessment rates {competency} at {level} or more, with evidence.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Self-assessment {month}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>competencies rated: {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(no title yet)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n goal(s) added to your development plan.</source>
        <translation><numerusform>%n goal added to your development plan.</numerusform><numerusform>%n goals added to your development plan.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation><numerusform>%n gap</numerusform><numerusform>%n gaps</numerusform></translation>
    </message>
</context>
<context>
    <name>SessionNotesPage</name>
    <message>
        <source>Session Notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New session note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No session notes yet. After a sharing circle, knowledge café or feedback session, press “New session note” (Ctrl+N) to record who came, what you learned and what happens next.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Sharing circle: keeping youth in the programme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online or in person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. Community hall, Tzaneen, or the meeting link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who can read it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One name per line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Report details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. April SCOR-1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What came out of it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One question a line; its answer after “ -&gt; ”, e.g. Who pays the venue? -&gt; The district office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add action item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who does what by when</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the Session Summary Report as a PDF (Ctrl+E)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print the Session Summary Report (Ctrl+P)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n open action(s)</source>
        <translation><numerusform>%n open action</numerusform><numerusform>%n open actions</numerusform></translation>
    </message>
    <message>
        <source>(no topic yet)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export the session report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write the PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n attendee(s)</source>
        <translation><numerusform>%n attendee</numerusform><numerusform>%n attendees</numerusform></translation>
    </message>
    <message>
        <source>What was supposed to happen?</source>
        <extracomment>The after-action review questions of a session's team debrief (saypro_desktop.storage.programme).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What actually happened?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why was there a difference?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What will we keep or change next time?</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SessionReport</name>
    <message>
        <source>Action</source>
        <extracomment>The report's own words, listed for lupdate (they are translated by ``_tr`` when the report is built).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attendees ({n})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing recorded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session Summary Report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session Summary Report · {app}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>written by {name}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Publish a session…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Register for sessions without internet: your choice is sent with the next sync, and the answer (a place, the waiting list) shows here after it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose this date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel my place</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take the roll…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer the survey…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pre-check…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Post-check…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Coming up ({count})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My registrations ({count})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Past ({count})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled by the organiser</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held: {people} on the roll</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{taken} of {places} places taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Facilitators</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Registration closes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My registration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Survey</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On the roll: {people} · guests: {guests}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No answers yet: they arrive with sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answers: {count} · overall {overall:.1f} of 5 · usefulness {useful:.1f} of 5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checks: before {pre}, after {post} right on average.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Published: {session}. It reaches colleagues with the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Registration saved: the server answers at the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date changed: the server answers at the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Place cancelled: it goes to the waiting list at the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Roll saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session closed: its report is ready to complete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thank you: your answer goes to the facilitator with the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pre-check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Post-check</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answers saved.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>Who new logs and session notes are shared with unless the person chooses: sharing is the norm.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New logs and session notes are &amp;shared with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New logs and session notes are shared with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>I am on a costly connection: send and fetch photos and documents later</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep syncing in the system tray when the window is closed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — {app}</source>
        <extracomment>The chosen profile's data key (None: a profile nobody signed in to).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who is working?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your password is checked on this laptop, so this works without a connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in with another account…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to SayPro</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The first sign-in needs a connection to the server. After that the app opens without one, and your work syncs whenever a signal appears.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Work without an account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything stays on this laptop until someone signs in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type your password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too many wrong passwords: wait a moment and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That password is not right. It is the one you last signed in with. A new password from your administrator? Sign in with another account, with the same user name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your profile could not be opened: {error}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fill in the server address (starting with https://), your user name and password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server address must start with https:// (plain http would send your password in clear). Ask your administrator for the right address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign-in failed: {error}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>How did it go? {session}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 is poor, 5 is excellent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overall</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usefulness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Useful for my work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What to improve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer anonymously (the facilitator does not see my name)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a number from 1 to 5 for both questions.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>This laptop is not signed in to a server, so the file cannot be fetched.</source>
        <extracomment>How far the running sync has come (None before its first report). The person said they are on a costly connection: photos and documents wait. When the last complete sync ended (ISO UTC): said next to a failure, so its age is plain.</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <extracomment>What the server sent that this laptop could not use: (kind, record id, why, when).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to the SayPro server (needs a connection once)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not accepted by the server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Records the server did not accept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conflicts to look at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set aside: sent by the server, but not usable here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What the server sent that this laptop could not use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recent syncs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your data is kept in {path}. Back it up by copying this folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Not signed in.&lt;/b&gt; Everything you write stays on this laptop and is safe here. To share it and receive your mentor's feedback, press “Sign in…” once while you have a connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed in as &lt;b&gt;{name}&lt;/b&gt; to {url}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Not encrypted:&lt;/b&gt; this server is reached over plain http, so your sign-in and your records travel in clear. Use it only in a test lab.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;The server asks you to sign in again.&lt;/b&gt; Nothing you wrote is lost: it waits here until you do.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Syncing now…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Photos or documents the server could not send or take this time: {n} (the others went on; they are tried again at the next sync).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (held back: you said the connection is costly; see Settings)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Photos and documents still to send or fetch: {n}{held}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reference data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A conflict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{what} ({time}): {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settled. Your choice goes to the server with the next sync.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{time} · failed: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>complete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>partly done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{time} · {state}: {sent} sent, {received} received, {up} up, {down} down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, files: {up} sent, {down} received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This laptop has not synced yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The last attempt ({time}) failed: {reason}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last synced {time}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting to send: {changes} changes to {records} records ({size}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{kind}: “{field}” was changed on two devices</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncTray</name>
    <message>
        <source>Open {app}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Still running here and syncing your work. Right-click this icon and choose Quit to stop.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>My team</source>
        <extracomment>A colour that reads on light and dark backgrounds alike (the quiet ones, an overdue goal).</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The people you follow</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Latest self-assessment (rating 1-5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Latest self-assessments, by competency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shared by the person chosen above</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What they shared with you</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You do not supervise or mentor anyone yet. When your administrator makes you a team's supervisor or someone's mentor, the people appear here after a sync, with what they share with you.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{month} and this quarter ({start} to {end}), from what each person shared with you, as of the last sync. A date in red: no reflection in 30 days.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Logs shared
this month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Logs shared
this quarter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sessions
this month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sessions
this quarter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Goals
on track</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Goals
at risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Goals
overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reviews
due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last
reflection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(mentee)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assessed on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Below the expected level ({level})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shared by {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing shared with you yet.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ToolkitDialog</name>
    <message>
        <source>Reflective Practice Toolkit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Worksheet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Templates for reflecting alone or as a team. Print one as a worksheet for a session, or use it in a learning log (choose it there under Reflection template).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the worksheet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write the PDF</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Cannot open your profile</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <source>Peer learning</source>
        <extracomment>QT_TRANSLATE_NOOP returns the text unchanged (typed ``object`` by the stubs). Keyed by (enum, value): members of different enums can share a value ("waiting" is a sync state and a registration's outcome), and a StrEnum member equals its value.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Feedback session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sharing circle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Knowledge café</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lightning talk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Info session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At risk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Achieved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only me</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Me and my supervisor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everyone at SayPro</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved on this laptop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Synced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not accepted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Validated</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Needs more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agreed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Proposed for the newsletter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Featured in the newsletter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Does not repeat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every second week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asked: the server answers at the next sync</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On the waiting list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Closed: registration had ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Case study</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Toolkit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Best practice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Guide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shared learning</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Milestone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What I learned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What I will do differently</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Guided questions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Competency framework</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Framework version</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ratings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reflections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gaps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Facilitators</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attendees</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Insights</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Challenges</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Success stories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Specific</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Achievable steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Relevance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Target date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Progress notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record type</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mentor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checksum</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Focus areas / agenda</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Training module or programme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Office or department</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reporting cycle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recording link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Questions raised</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Written by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Team debrief</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Registration deadline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alternative dates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeats until</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check questions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Guests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overall</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usefulness</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What to improve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>types</name>
    <message>
        <source>Learning logs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Self-assessments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Session notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Development goals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mentor feedback</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Registrations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Survey answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hub library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recognitions</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>A linked record id is not valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A progress note is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A progress note is too long.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A session cannot last more than a week; check the end date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action item {number} is too long (at most 1,000 characters).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action item {number} needs a description.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attachment does not say which record it belongs to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attachment is on an unknown kind of record '{kind}'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checksum must be 64 lower-case hexadecimal characters (sha256).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Competency '{competency}' is rated twice.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>End must be after the start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Evidence for '{competency}' is too long.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Feedback does not say which record it is about.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Feedback is on an unknown kind of record '{kind}'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gap '{gap}' is not one of the rated competencies.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Id '{value}' is not a valid record id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rate at least one competency.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rating for '{competency}' must be from {low} to {high}, not {rating}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Framework version must be from 1 to {high}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label}: a month like 2026-11 or a quarter like 2026-Q4.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revision must be from 0 to {high}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size cannot be negative.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Size {size} is larger than any file this app keeps.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start is not a date this form can use.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tag '{tag}' cannot contain a comma or semicolon.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tag '{tag}…' is longer than {limit} characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags cannot be empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tags: at most {limit}, this has {count}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The answer to '{question}' is too long (at most {limit} characters).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The owner of action item {number} is too long.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write at least what happened or what you learned.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} has an empty entry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} holds a character that is not valid text ({character}, at character {position}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} is too long: at most {limit} characters, this has {length}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} must carry a time zone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} {date} is in the future.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} {date} is not a date this plan can use.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} {date} is too far in the past.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label}: '{value}…' is longer than {limit} characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label}: {value} is not a number this app can keep.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label}: an answer does not say which question it answers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label}: at most {limit} entries, this has {count}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A check has no ratings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A survey has no check answers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check question {number} needs 2 to {limit} choices, none empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check question {number} needs a question (at most 1,000 characters).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check question {number}: mark which choice is right.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It does not say which session it belongs to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Link '{link}' must be a web address starting with https:// or http://.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Question {number} is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Question {number} is too long.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The planned session's id is not valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a summary, the text, or add a link.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} is not a date this form can use.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} must be a web address starting with https:// or http://.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} must be a {kind}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} must be after the first date.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} must be from 0 (no limit) to {high}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label} must be from {low} to {high}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label}: a date is not one this form can use.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label}: an account id is not valid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label}: an answer is not one of the choices.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label}: at most {limit}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{label}: someone is named twice.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>