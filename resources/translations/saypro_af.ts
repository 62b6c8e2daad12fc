<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="af_ZA">
<context>
    <name>ActionItemsTable</name>
    <message>
        <source>Action</source>
        <translation>Aksie</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eienaar</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Sperdatum</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>AttachmentsSection</name>
    <message>
        <source>Photos and documents</source>
        <extracomment>The server refuses bigger files (SAYPRO_SERVER_MAX_ATTACHMENT_BYTES); say so before copying.</extracomment>
        <translation>Foto's en dokumente</translation>
    </message>
    <message>
        <source>Attach photos of flip charts, registers or documents. They are kept on this laptop and sent after the text when you sync.</source>
        <translation>Heg foto's van blaaiborde, registers of dokumente aan. Hulle word op hierdie skootrekenaar gehou en ná die teks gestuur wanneer jy sinkroniseer.</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Aangehegte lêers</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Heg lêers aan…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Maak oop</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwyder</translation>
    </message>
    <message>
        <source>fetched when you open it</source>
        <translation>word gehaal wanneer jy dit oopmaak</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Heg lêers aan</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx *.txt *.odt);;All files (*)</source>
        <translation>Foto's en dokumente (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx *.txt *.odt);;Alle lêers (*)</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>Lêer te groot</translation>
    </message>
    <message>
        <source>{names}: files can be at most 25 MB (the server does not take bigger ones). Nothing was attached.</source>
        <translation>{names}: lêers mag hoogstens 25 MB wees (die bediener aanvaar nie groter nie). Niks is aangeheg nie.</translation>
    </message>
    <message>
        <source>Cannot attach</source>
        <translation>Kan nie aanheg nie</translation>
    </message>
    <message>
        <source>Not on this laptop yet</source>
        <translation>Nog nie op hierdie skootrekenaar nie</translation>
    </message>
    <message>
        <source>“{name}” has not been downloaded yet; it arrives with the next sync.</source>
        <translation>“{name}” is nog nie afgelaai nie; dit kom met die volgende sinkronisering.</translation>
    </message>
    <message>
        <source>Fetching “{name}” ({size})…</source>
        <translation>Haal “{name}” ({size})…</translation>
    </message>
    <message>
        <source>Could not fetch the file</source>
        <translation>Kon nie die lêer haal nie</translation>
    </message>
    <message>
        <source>“{name}” could not be fetched: {problem}</source>
        <translation>“{name}” kon nie gehaal word nie: {problem}</translation>
    </message>
    <message>
        <source>“{name}” is on this laptop now.</source>
        <translation>“{name}” is nou op hierdie skootrekenaar.</translation>
    </message>
    <message>
        <source>“{name}” is not a picture or a document this app opens: a file of that kind could run as a program. Save it where you choose, and open it only if you trust where it came from.</source>
        <translation>“{name}” is nie ’n prent of dokument wat hierdie toep oopmaak nie: so ’n lêer kan as ’n program loop. Stoor dit waar jy wil, en maak dit net oop as jy vertrou waar dit vandaan kom.</translation>
    </message>
    <message>
        <source>Save it instead</source>
        <translation>Stoor dit eerder</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Stoor ’n afskrif</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle lêers (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) attached.</source>
        <extracomment>Every text with a count, listed so lupdate finds it (it misses most ``translate(ctx, text, None, n)`` calls); build_scripts/translations.py marks texts with %n as plural messages.</extracomment>
        <translation><numerusform>%n lêer aangeheg.</numerusform><numerusform>%n lêers aangeheg.</numerusform></translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Send</source>
        <translation>Stuur</translation>
    </message>
</context>
<context>
    <name>CompetencyRater</name>
    <message>
        <source>{competency}: rating {value}</source>
        <translation>{competency}: gradering {value}</translation>
    </message>
    <message>
        <source>Evidence: what you did that shows this level</source>
        <translation>Bewys: wat jy gedoen het wat hierdie vlak wys</translation>
    </message>
    <message>
        <source>{competency}: evidence</source>
        <translation>{competency}: bewys</translation>
    </message>
    <message>
        <source>Last time: {value}</source>
        <translation>Vorige keer: {value}</translation>
    </message>
    <message>
        <source>Not rated. Press 1 to 5; press it again to clear.</source>
        <translation>Nie gegradeer nie. Druk 1 tot 5; druk weer om skoon te maak.</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>Value kept</source>
        <translation>Waarde gehou</translation>
    </message>
    <message>
        <source>Value set aside</source>
        <translation>Waarde opsy gesit</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Hou hierdie een</translation>
    </message>
    <message>
        <source>Keep this one instead</source>
        <translation>Hou eerder hierdie een</translation>
    </message>
    <message>
        <source>Or combine them:</source>
        <translation>Of voeg hulle saam:</translation>
    </message>
    <message>
        <source>Combined value</source>
        <translation>Saamgevoegde waarde</translation>
    </message>
    <message>
        <source>Keep the combined text</source>
        <translation>Hou die saamgevoegde teks</translation>
    </message>
    <message>
        <source>another device</source>
        <translation>’n ander toestel</translation>
    </message>
    <message>
        <source>this laptop</source>
        <translation>hierdie skootrekenaar</translation>
    </message>
    <message>
        <source>{where}, {day} {time}</source>
        <translation>{where}, {day} {time}</translation>
    </message>
    <message>
        <source>“{field}” of “{title}”</source>
        <translation>“{field}” van “{title}”</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kept&lt;/b&gt; — from {who}</source>
        <translation>&lt;b&gt;Gehou&lt;/b&gt; — van {who}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Set aside&lt;/b&gt; — from {who}</source>
        <translation>&lt;b&gt;Opsy gesit&lt;/b&gt; — van {who}</translation>
    </message>
</context>
<context>
    <name>DevelopmentPlanPage</name>
    <message>
        <source>Development Plan</source>
        <extracomment>A review meeting sets the next one this far ahead.</extracomment>
        <translation>Ontwikkelingsplan</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nuwe doelwit</translation>
    </message>
    <message>
        <source>Your plan has no goals yet. Press “New goal” (Ctrl+N) to write a SMART goal you agreed with your supervisor, or turn the gaps of a self-assessment into goals in one step.</source>
        <translation>Jou plan het nog geen doelwitte nie. Druk “Nuwe doelwit” (Ctrl+N) om ’n SMART-doelwit te skryf wat jy met jou toesighouer ooreengekom het, of maak die gapings van ’n selfevaluering in een stap doelwitte.</translation>
    </message>
    <message>
        <source>SMART goal</source>
        <translation>SMART-doelwit</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Doelwit</translation>
    </message>
    <message>
        <source>e.g. Run monthly data quality checks on my project</source>
        <translation>bv. Doen maandelikse datagehaltekontroles op my projek</translation>
    </message>
    <message>
        <source>What exactly will you do or be able to do?</source>
        <translation>Wat presies sal jy doen of kan doen?</translation>
    </message>
    <message>
        <source>How will you and your supervisor know it is done?</source>
        <translation>Hoe sal jy en jou toesighouer weet dit is gedoen?</translation>
    </message>
    <message>
        <source>The steps, small enough to start this month.</source>
        <translation>Die stappe, klein genoeg om hierdie maand te begin.</translation>
    </message>
    <message>
        <source>Why it matters for your work and the communities you serve.</source>
        <translation>Waarom dit saak maak vir jou werk en die gemeenskappe wat jy dien.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Vordering</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Review on</source>
        <translation>Hersien op</translation>
    </message>
    <message>
        <source>Who can read it</source>
        <translation>Wie kan dit lees</translation>
    </message>
    <message>
        <source>Agreement with your supervisor or mentor</source>
        <translation>Ooreenkoms met jou toesighouer of mentor</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Ooreengekom</translation>
    </message>
    <message>
        <source>Your supervisor or mentor agrees each goal from their Team page; editing the goal afterwards asks for their agreement again.</source>
        <translation>Jou toesighouer of mentor stem elke doelwit van hul Span-bladsy af in; as jy die doelwit daarna wysig, word hul instemming weer gevra.</translation>
    </message>
    <message>
        <source>What moved forward? (Enter to add)</source>
        <translation>Wat het vorentoe beweeg? (Enter om by te voeg)</translation>
    </message>
    <message>
        <source>New progress note</source>
        <translation>Nuwe vorderingsnota</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Voeg nota by</translation>
    </message>
    <message>
        <source>Review meeting held</source>
        <translation>Hersieningsvergadering gehou</translation>
    </message>
    <message>
        <source>Keep what you agreed in the review meeting as a dated note, and set the next review three months on (change it if you agreed otherwise)</source>
        <translation>Hou wat julle in die hersieningsvergadering ooreengekom het as ’n gedateerde nota, en stel die volgende hersiening drie maande vorentoe (verander dit as julle anders ooreengekom het)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Bewyse</translation>
    </message>
    <message>
        <source>Linked records</source>
        <translation>Gekoppelde rekords</translation>
    </message>
    <message>
        <source>Record to link</source>
        <translation>Rekord om te koppel</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Koppel</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Ontkoppel</translation>
    </message>
    <message>
        <source>Learning logs and assessments</source>
        <translation>Leerjoernale en evaluerings</translation>
    </message>
    <message>
        <source>Export the plan as PDF…</source>
        <translation>Voer die plan as PDF uit…</translation>
    </message>
    <message>
        <source>All your goals, for the review meeting with your supervisor</source>
        <translation>Al jou doelwitte, vir die hersieningsvergadering met jou toesighouer</translation>
    </message>
    <message>
        <source>Export the development plan</source>
        <translation>Voer die ontwikkelingsplan uit</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write the PDF</source>
        <translation>Kon nie die PDF skryf nie</translation>
    </message>
    <message>
        <source>Plan saved to {path}</source>
        <translation>Plan gestoor na {path}</translation>
    </message>
    <message>
        <source>no notes</source>
        <translation>geen notas nie</translation>
    </message>
    <message>
        <source>Review meeting: {notes}</source>
        <translation>Hersieningsvergadering: {notes}</translation>
    </message>
    <message>
        <source>Log: {title}</source>
        <translation>Joernaal: {title}</translation>
    </message>
    <message>
        <source>Assessment: {title}</source>
        <translation>Evaluering: {title}</translation>
    </message>
    <message>
        <source>(not on this laptop)</source>
        <translation>(nie op hierdie skootrekenaar nie)</translation>
    </message>
    <message>
        <source>⚠ The review was due on {day}. Talk to your supervisor and set the next date.</source>
        <translation>⚠ Die hersiening was op {day} verskuldig. Praat met jou toesighouer en stel die volgende datum.</translation>
    </message>
    <message>
        <source>by {day}</source>
        <translation>teen {day}</translation>
    </message>
    <message>
        <source>⚠ Review overdue since {day}</source>
        <translation>⚠ Hersiening agterstallig sedert {day}</translation>
    </message>
    <message>
        <source>⚠ Past its target date</source>
        <translation>⚠ Verby sy teikendatum</translation>
    </message>
    <message>
        <source>(no goal written yet)</source>
        <translation>(nog geen doelwit geskryf nie)</translation>
    </message>
</context>
<context>
    <name>FeedbackThread</name>
    <message>
        <source>a colleague</source>
        <translation>’n kollega</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) from {name}</source>
        <translation><numerusform>%n opmerking van {name}</numerusform><numerusform>%n opmerkings van {name}</numerusform></translation>
    </message>
    <message>
        <source>Feedback on this entry</source>
        <translation>Terugvoer op hierdie inskrywing</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>Comment only</source>
        <translation>Net ’n opmerking</translation>
    </message>
    <message>
        <source>Feedback ({count})</source>
        <translation>Terugvoer ({count})</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Terugvoer</translation>
    </message>
    <message>
        <source>No feedback yet. Be the first to answer.</source>
        <translation>Nog geen terugvoer nie. Wees die eerste om te antwoord.</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Antwoord…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwoord</translation>
    </message>
    <message>
        <source>Your comment…</source>
        <translation>Jou opmerking…</translation>
    </message>
    <message>
        <source>Send feedback</source>
        <translation>Stuur terugvoer</translation>
    </message>
    <message>
        <source>Read by whoever can read this entry; sent with the next sync.</source>
        <translation>Gelees deur wie ook al hierdie inskrywing kan lees; gestuur met die volgende sinkronisering.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Jy</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>’n Kollega</translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation>Skryf eers iets.</translation>
    </message>
    <message>
        <source>Feedback saved; it goes with the next sync.</source>
        <translation>Terugvoer gestoor; dit gaan met die volgende sinkronisering.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>My month</source>
        <translation>My maand</translation>
    </message>
    <message>
        <source>Everything you write is saved on this laptop first and works without internet.</source>
        <translation>Alles wat jy skryf, word eers op hierdie skootrekenaar gestoor en werk sonder internet.</translation>
    </message>
    <message>
        <source>learning logs written</source>
        <translation>leerjoernale geskryf</translation>
    </message>
    <message>
        <source>sessions recorded</source>
        <translation>sessies aangeteken</translation>
    </message>
    <message>
        <source>goals on track</source>
        <translation>doelwitte op koers</translation>
    </message>
    <message>
        <source>goals overdue</source>
        <translation>doelwitte agterstallig</translation>
    </message>
    <message>
        <source>changes waiting to sync</source>
        <translation>veranderinge wag om te sinkroniseer</translation>
    </message>
    <message>
        <source>Write a learning log</source>
        <translation>Skryf ’n leerjoernaal</translation>
    </message>
    <message>
        <source>Record a session</source>
        <translation>Teken ’n sessie aan</translation>
    </message>
    <message>
        <source>Assess myself</source>
        <translation>Evalueer myself</translation>
    </message>
    <message>
        <source>Update my plan</source>
        <translation>Werk my plan by</translation>
    </message>
    <message>
        <source>Feedback for me</source>
        <translation>Terugvoer vir my</translation>
    </message>
    <message>
        <source>No feedback yet. When your supervisor, mentor or a colleague comments on something you shared, it appears here after a sync.</source>
        <translation>Nog geen terugvoer nie. Wanneer jou toesighouer, mentor of ’n kollega iets wat jy gedeel het, kommentaar gee, verskyn dit hier ná ’n sinkronisering.</translation>
    </message>
    <message>
        <source>You are the continuous learner of the quarter: {period}!</source>
        <translation>Jy is die voortdurende leerder van die kwartaal: {period}!</translation>
    </message>
    <message>
        <source>Continuous learner of the quarter: {period}</source>
        <translation>Voortdurende leerder van die kwartaal: {period}</translation>
    </message>
    <message>
        <source>You are the continuous learner of the month: {period}!</source>
        <translation>Jy is die voortdurende leerder van die maand: {period}!</translation>
    </message>
    <message>
        <source>Continuous learner of the month: {period}</source>
        <translation>Voortdurende leerder van die maand: {period}</translation>
    </message>
    <message>
        <source>{title}: {name}</source>
        <translation>{title}: {name}</translation>
    </message>
    <message>
        <source>To do: reply or improve it</source>
        <translation>Om te doen: antwoord of verbeter dit</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>’n Kollega</translation>
    </message>
    <message>
        <source>Unfinished drafts</source>
        <translation>Onvoltooide konsepte</translation>
    </message>
    <message>
        <source>Nothing half-written. Drafts are kept automatically while you type.</source>
        <translation>Niks half geskryf nie. Konsepte word outomaties gehou terwyl jy tik.</translation>
    </message>
    <message>
        <source>My month: {month}</source>
        <translation>My maand: {month}</translation>
    </message>
    <message>
        <source>All your work is saved; nothing needs sending.</source>
        <translation>Al jou werk is gestoor; niks hoef gestuur te word nie.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sonder titel)</translation>
    </message>
    <message numerus="yes">
        <source>%n at risk, </source>
        <translation><numerusform>%n in gevaar, </numerusform><numerusform>%n in gevaar, </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n achieved</source>
        <translation><numerusform>%n bereik</numerusform><numerusform>%n bereik</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) overdue</source>
        <translation><numerusform>%n hersiening agterstallig</numerusform><numerusform>%n hersienings agterstallig</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), </source>
        <translation><numerusform>%n rekord, </numerusform><numerusform>%n rekords, </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Feedback for me (%n unread)</source>
        <translation><numerusform>Terugvoer vir my (%n ongelees)</numerusform><numerusform>Terugvoer vir my (%n ongelees)</numerusform></translation>
    </message>
</context>
<context>
    <name>HubEntryDialog</name>
    <message>
        <source>New Hub entry</source>
        <translation>Nuwe inskrywing in die Kennissentrum</translation>
    </message>
    <message>
        <source>e.g. How the Soshanguve team kept its volunteers</source>
        <translation>bv. Hoe die Soshanguve-span sy vrywilligers behou het</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Project (optional)</source>
        <translation>Projek (opsioneel)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projek</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Etikette, geskei deur kommas</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etikette</translation>
    </message>
    <message>
        <source>In two or three sentences: what and for whom</source>
        <translation>In twee of drie sinne: wat en vir wie</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Opsomming</translation>
    </message>
    <message>
        <source>The whole text (optional)</source>
        <translation>Die volle teks (opsioneel)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Links, one a line: https://…</source>
        <translation>Skakels, een per reël: https://…</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Skakels</translation>
    </message>
    <message>
        <source>Who can read it</source>
        <translation>Wie dit kan lees</translation>
    </message>
    <message>
        <source>Photos and documents are attached once the entry is saved; large ones reach colleagues on a costly connection only when they open them.</source>
        <translation>Foto’s en dokumente word aangeheg sodra die inskrywing gestoor is; groot lêers bereik kollegas op ’n duur verbinding eers wanneer hulle dit oopmaak.</translation>
    </message>
    <message>
        <source>Add to the Hub</source>
        <translation>Voeg by die Kennissentrum</translation>
    </message>
</context>
<context>
    <name>KnowledgeHubPage</name>
    <message>
        <source>Knowledge Hub</source>
        <translation>Kennissentrum</translation>
    </message>
    <message>
        <source>Reflective Practice Toolkit</source>
        <translation>Gereedskapstel vir Reflektiewe Praktyk</translation>
    </message>
    <message>
        <source>New Hub entry…</source>
        <translation>Nuwe inskrywing…</translation>
    </message>
    <message>
        <source>Search the library: case studies, toolkits, what colleagues shared…</source>
        <translation>Deursoek die biblioteek: gevallestudies, gereedskapstelle, wat kollegas gedeel het…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle soorte</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projek</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle projekte</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiket</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle etikette</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteek</translation>
    </message>
    <message>
        <source>Library entry</source>
        <translation>Biblioteekinskrywing</translation>
    </message>
    <message>
        <source>Propose for the newsletter</source>
        <translation>Stel voor vir die nuusbrief</translation>
    </message>
    <message>
        <source>Feature in the newsletter</source>
        <translation>Plaas in die nuusbrief</translation>
    </message>
    <message>
        <source>Case studies</source>
        <translation>Gevallestudies</translation>
    </message>
    <message>
        <source>Toolkits</source>
        <translation>Gereedskapstelle</translation>
    </message>
    <message>
        <source>Best practices</source>
        <translation>Beste praktyke</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Opnames</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>Gidse</translation>
    </message>
    <message>
        <source>Shared learnings</source>
        <translation>Gedeelde lesse</translation>
    </message>
    <message>
        <source>Session summaries</source>
        <translation>Sessie-opsommings</translation>
    </message>
    <message>
        <source>Colleagues' learning logs</source>
        <translation>Kollegas se leerjoernale</translation>
    </message>
    <message>
        <source>Nothing in the library matches what you asked for. Clear the search or the filters to see everything.</source>
        <translation>Niks in die biblioteek pas by wat jy gevra het nie. Maak die soektog of die filters skoon om alles te sien.</translation>
    </message>
    <message>
        <source>The library fills with case studies, toolkits, guides and what colleagues share after a sync, and you can read and search it without internet. Nothing is here yet: add the first entry with “New Hub entry…”.</source>
        <translation>Die biblioteek vul met gevallestudies, gereedskapstelle, gidse en wat kollegas deel ná ’n sinkronisering, en jy kan dit sonder internet lees en deursoek. Hier is nog niks nie: voeg die eerste inskrywing by met “Nuwe inskrywing…”.</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(geen titel)</translation>
    </message>
    <message>
        <source>★ Featured in the newsletter</source>
        <translation>★ In die nuusbrief geplaas</translation>
    </message>
    <message>
        <source>☆ Proposed for the newsletter; a supervisor or L&amp;D confirms it</source>
        <translation>☆ Voorgestel vir die nuusbrief; ’n toesighouer of L&amp;D bevestig dit</translation>
    </message>
    <message>
        <source>Proposed for the newsletter.</source>
        <translation>Voorgestel vir die nuusbrief.</translation>
    </message>
    <message>
        <source>Featured in the newsletter.</source>
        <translation>In die nuusbrief geplaas.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Kan nie stoor nie</translation>
    </message>
    <message>
        <source>Saved; it goes with the next sync.</source>
        <translation>Gestoor; dit gaan met die volgende sinkronisering.</translation>
    </message>
    <message>
        <source>Only web links open from the Knowledge Hub.</source>
        <translation>Net webskakels maak oop vanuit die Kennissentrum.</translation>
    </message>
    <message>
        <source>Added to the Knowledge Hub; it goes with the next sync.</source>
        <translation>By die Kennissentrum gevoeg; dit gaan met die volgende sinkronisering.</translation>
    </message>
    <message>
        <source>Search the Knowledge Hub</source>
        <translation>Deursoek die Kennissentrum</translation>
    </message>
    <message>
        <source>… and older ones: search or filter to find them</source>
        <translation>… en ouer inskrywings: soek of filtreer om hulle te vind</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>’n Kollega</translation>
    </message>
    <message>
        <source>By {author}</source>
        <translation>Deur {author}</translation>
    </message>
</context>
<context>
    <name>LearningLogPage</name>
    <message>
        <source>{name} (supervisor)</source>
        <translation>{name} (toesighouer)</translation>
    </message>
    <message>
        <source>{name} (mentor)</source>
        <translation>{name} (mentor)</translation>
    </message>
    <message>
        <source>Only you will read it.</source>
        <translation>Net jy sal dit lees.</translation>
    </message>
    <message>
        <source>You and {names} will read it.</source>
        <translation>Jy en {names} sal dit lees.</translation>
    </message>
    <message>
        <source>You, your supervisor and your mentor will read it.</source>
        <translation>Jy, jou toesighouer en jou mentor sal dit lees.</translation>
    </message>
    <message>
        <source>Your team, your supervisor and your mentor will read it.</source>
        <translation>Jou span, jou toesighouer en jou mentor sal dit lees.</translation>
    </message>
    <message>
        <source>Everyone at SayPro can read it.</source>
        <translation>Almal by SayPro kan dit lees.</translation>
    </message>
    <message>
        <source>Learning Log</source>
        <translation>Leerjoernaal</translation>
    </message>
    <message>
        <source>New learning log</source>
        <translation>Nuwe leerjoernaal</translation>
    </message>
    <message>
        <source>No learning logs yet. After a project or a milestone, press “New learning log” (Ctrl+N) and write down what happened and what you learned.</source>
        <translation>Nog geen leerjoernale nie. Druk ná ’n projek of mylpaal “Nuwe leerjoernaal” (Ctrl+N) en skryf neer wat gebeur het en wat jy geleer het.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Vanaf datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Tot datum</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiket</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projek</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Sorteer</translation>
    </message>
    <message>
        <source>Newest date first</source>
        <translation>Nuutste datum eerste</translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation>Onlangs verander</translation>
    </message>
    <message>
        <source>Title A–Z</source>
        <translation>Titel A–Z</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Alle etikette</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle projekte</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Inskrywing</translation>
    </message>
    <message>
        <source>e.g. Youth jobs fair in Polokwane</source>
        <translation>bv. Jeugwerkskou in Polokwane</translation>
    </message>
    <message>
        <source>e.g. youth, cv-clinic</source>
        <translation>bv. jeug, cv-kliniek</translation>
    </message>
    <message>
        <source>Separate tags with commas.</source>
        <translation>Skei etikette met kommas.</translation>
    </message>
    <message>
        <source>Who can read it</source>
        <translation>Wie kan dit lees</translation>
    </message>
    <message>
        <source>Guided questions</source>
        <translation>Gerigte vrae</translation>
    </message>
    <message>
        <source>No template</source>
        <translation>Geen sjabloon</translation>
    </message>
    <message>
        <source>Reflection template</source>
        <translation>Refleksiesjabloon</translation>
    </message>
    <message>
        <source>In your own words</source>
        <translation>In jou eie woorde</translation>
    </message>
    <message>
        <source>(no title yet)</source>
        <translation>(nog geen titel nie)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <extracomment>The page of each section, in navigation order: (module in saypro_desktop.ui, class). A desktop's panel, which holds the tray, can come up after the apps it starts at log-in: how long and how often a window that wants a tray keeps looking for one. Where each record type is edited (feedback and attachments open the record they belong to). Started minimized (at log-in) before the tray was there: go into it when it comes.</extracomment>
        <translation>Tuis</translation>
    </message>
    <message>
        <source>Learning Log</source>
        <translation>Leerjoernaal</translation>
    </message>
    <message>
        <source>Self-Assessment</source>
        <translation>Selfevaluering</translation>
    </message>
    <message>
        <source>Session Notes</source>
        <translation>Sessienotas</translation>
    </message>
    <message>
        <source>Development Plan</source>
        <translation>Ontwikkelingsplan</translation>
    </message>
    <message>
        <source>Knowledge Hub</source>
        <translation>Kennissentrum</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sinkroniseer</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>My span</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Afdelings</translation>
    </message>
    <message>
        <source>{section} (Ctrl+{number})</source>
        <translation>{section} (Ctrl+{number})</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Sinkroniseringstatus</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Lêer</translation>
    </message>
    <message>
        <source>&amp;Search everything…</source>
        <translation>&amp;Soek oral…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Instellings…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Voer in…</translation>
    </message>
    <message>
        <source>Add records from a JSON export or a CSV of learning logs</source>
        <translation>Voeg rekords by uit ’n JSON-uitvoer of ’n CSV van leerjoernale</translation>
    </message>
    <message>
        <source>&amp;Export my data…</source>
        <translation>&amp;Voer my data uit…</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>&amp;Meld af…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sluit af</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gaan</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hulp</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;Oor {app}</translation>
    </message>
    <message>
        <source>Your unsaved typing was kept and is open again.</source>
        <translation>Jou ongestoorde tikwerk is gehou en is weer oop.</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>Voer rekords in</translation>
    </message>
    <message>
        <source>SayPro exports (*.json *.csv);;All files (*)</source>
        <translation>SayPro-uitvoere (*.json *.csv);;Alle lêers (*)</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Niks is ingevoer nie</translation>
    </message>
    <message>
        <source>Export my data</source>
        <translation>Voer my data uit</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-lêers (*.json)</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Kon nie uitvoer nie</translation>
    </message>
    <message>
        <source>Exported {count} records to {path}</source>
        <translation>{count} rekords uitgevoer na {path}</translation>
    </message>
    <message>
        <source>Signed in as {name}.</source>
        <translation>Aangemeld as {name}.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Meld af</translation>
    </message>
    <message>
        <source>Sign this laptop out of the server? Everything you wrote stays here, and what waits to be sent goes after you sign in again. Your password still opens your profile.</source>
        <translation>Meld hierdie skootrekenaar by die bediener af? Alles wat jy geskryf het, bly hier, en wat wag om gestuur te word, gaan nadat jy weer aangemeld het. Jou wagwoord maak steeds jou profiel oop.</translation>
    </message>
    <message>
        <source>Signed out. Your work stays on this laptop; sign in again to sync.</source>
        <translation>Afgemeld. Jou werk bly op hierdie skootrekenaar; meld weer aan om te sinkroniseer.</translation>
    </message>
    <message>
        <source>Signed out on this laptop only</source>
        <translation>Net op hierdie skootrekenaar afgemeld</translation>
    </message>
    <message>
        <source>The server could not be reached to end this laptop's sign-in there. If the laptop may be lost, ask your administrator to sign it out.</source>
        <translation>Die bediener kon nie bereik word om hierdie skootrekenaar se aanmelding daar te beëindig nie. As die skootrekenaar dalk verlore is, vra jou administrateur om dit af te meld.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Oor {app}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;Learning logs, self-assessments, session notes and development plans for SayPro field staff. Works offline; syncs when a connection appears.&lt;br&gt;&lt;br&gt;Your data: {path}</source>
        <translation>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;Leerjoernale, selfevaluerings, sessienotas en ontwikkelingsplanne vir SayPro-veldpersoneel. Werk vanlyn; sinkroniseer wanneer daar ’n verbinding is.&lt;br&gt;&lt;br&gt;Jou data: {path}</translation>
    </message>
    <message>
        <source>New feedback: {what}</source>
        <translation>Nuwe terugvoer: {what}</translation>
    </message>
    <message>
        <source>Sign in again to sync (nothing you wrote is lost)</source>
        <translation>Meld weer aan om te sinkroniseer (niks wat jy geskryf het, gaan verlore nie)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sinkroniseer…</translation>
    </message>
    <message>
        <source>Syncing… {sent} sent, {received} received ({up} up, {down} down)</source>
        <translation>Sinkroniseer… {sent} gestuur, {received} ontvang ({up} op, {down} af)</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Nog nie gesinkroniseer nie</translation>
    </message>
    <message>
        <source>Sync failed at {time}: {reason}</source>
        <translation>Sinkronisering het om {time} misluk: {reason}</translation>
    </message>
    <message>
        <source>Partly synced at {time}</source>
        <translation>Gedeeltelik gesinkroniseer om {time}</translation>
    </message>
    <message>
        <source>(never fully synced)</source>
        <translation>(nog nooit volledig gesinkroniseer nie)</translation>
    </message>
    <message>
        <source>(last full sync {time})</source>
        <translation>(laaste volledige sinkronisering {time})</translation>
    </message>
    <message>
        <source>Last synced {time}</source>
        <translation>Laas gesinkroniseer {time}</translation>
    </message>
    <message>
        <source>Working offline (no server set up)</source>
        <translation>Werk vanlyn (geen bediener opgestel nie)</translation>
    </message>
    <message>
        <source>nothing waiting to sync</source>
        <translation>niks wag om te sinkroniseer nie</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation><numerusform>%n verandering wag om te sinkroniseer</numerusform><numerusform>%n veranderinge wag om te sinkroniseer</numerusform></translation>
    </message>
</context>
<context>
    <name>PlanReport</name>
    <message>
        <source>Agreed with {name} on {day}</source>
        <extracomment>The report's own words, listed for lupdate (``_tr`` translates them when the report is built).</extracomment>
        <translation>Ooreengekom met {name} op {day}</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Ooreenkoms</translation>
    </message>
    <message>
        <source>changed since: to agree again</source>
        <translation>sedertdien verander: moet weer ooreengekom word</translation>
    </message>
    <message>
        <source>Development plan</source>
        <translation>Ontwikkelingsplan</translation>
    </message>
    <message>
        <source>Development plan of {name}</source>
        <translation>Ontwikkelingsplan van {name}</translation>
    </message>
    <message>
        <source>No goals in the plan yet.</source>
        <translation>Nog geen doelwitte in die plan nie.</translation>
    </message>
    <message>
        <source>Not agreed yet</source>
        <translation>Nog nie ooreengekom nie</translation>
    </message>
    <message>
        <source>Printed {day} for the review meeting</source>
        <translation>Gedruk {day} vir die hersieningsvergadering</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>PublishSessionDialog</name>
    <message>
        <source>Publish a session</source>
        <translation>Publiseer ’n sessie</translation>
    </message>
    <message>
        <source>The topic, e.g. Knowledge café: keeping volunteers</source>
        <translation>Die onderwerp, bv. Kenniskafee: vrywilligers behou</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>Online (video portal or meeting)</source>
        <translation>Aanlyn (videoportaal of vergadering)</translation>
    </message>
    <message>
        <source>Office, room or venue</source>
        <translation>Kantoor, kamer of plek</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Plek</translation>
    </message>
    <message>
        <source>Online link</source>
        <translation>Aanlyn skakel</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Geen limiet</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plekke</translation>
    </message>
    <message>
        <source>Registration closes</source>
        <translation>Registrasie sluit</translation>
    </message>
    <message>
        <source>Alternative date</source>
        <translation>Alternatiewe datum</translation>
    </message>
    <message>
        <source>until</source>
        <translation>tot</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Herhaal</translation>
    </message>
    <message>
        <source>Focus areas and agenda</source>
        <translation>Fokusareas en agenda</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Training module or programme (optional)</source>
        <translation>Opleidingsmodule of program (opsioneel)</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Fasiliteerders</translation>
    </message>
    <message>
        <source>Pre- and post-check (optional), one question a line: question | right answer | other answers…</source>
        <translation>Voor- en natoets (opsioneel), een vraag per reël: vraag | regte antwoord | ander antwoorde…</translation>
    </message>
    <message>
        <source>Check questions</source>
        <translation>Toetsvrae</translation>
    </message>
    <message>
        <source>Who can register</source>
        <translation>Wie kan registreer</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publiseer</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>New entry</source>
        <extracomment>How long after the last keystroke the draft is written.</extracomment>
        <translation>Nuwe inskrywing</translation>
    </message>
    <message>
        <source>Start a new one (Ctrl+N)</source>
        <translation>Begin ’n nuwe een (Ctrl+N)</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Inskrywings</translation>
    </message>
    <message>
        <source>Choose an entry on the left, or press Ctrl+N to start a new one.</source>
        <translation>Kies ’n inskrywing links, of druk Ctrl+N om ’n nuwe een te begin.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Skrap</translation>
    </message>
    <message>
        <source>Delete this entry (you can undo it)</source>
        <translation>Skrap hierdie inskrywing (jy kan dit ontdoen)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Gooi veranderinge weg</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Stoor</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Stoor (Ctrl+S)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ongestoorde veranderinge</translation>
    </message>
    <message>
        <source>Draft, not saved yet</source>
        <translation>Konsep, nog nie gestoor nie</translation>
    </message>
    <message>
        <source>Nothing matches these filters.</source>
        <translation>Niks pas by hierdie filters nie.</translation>
    </message>
    <message>
        <source>New, not saved yet</source>
        <translation>Nuut, nog nie gestoor nie</translation>
    </message>
    <message>
        <source>last changed {day} {time}</source>
        <translation>laas verander {day} {time}</translation>
    </message>
    <message>
        <source>The server said: {reason}</source>
        <translation>Die bediener het gesê: {reason}</translation>
    </message>
    <message>
        <source>Correct it and save to send it again, or delete it; it stays on this laptop.</source>
        <translation>Maak dit reg en stoor om dit weer te stuur, of skrap dit; dit bly op hierdie skootrekenaar.</translation>
    </message>
    <message>
        <source>Not saved yet: please fix what is marked in red.</source>
        <translation>Nog nie gestoor nie: maak asseblief reg wat in rooi gemerk is.</translation>
    </message>
    <message>
        <source>Saved “{title}”.</source>
        <translation>“{title}” gestoor.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before saving.</source>
        <translation><numerusform>%n probleem om reg te maak voor jy stoor.</numerusform><numerusform>%n probleme om reg te maak voor jy stoor.</numerusform></translation>
    </message>
    <message>
        <source>Delete this entry?</source>
        <translation>Skrap hierdie inskrywing?</translation>
    </message>
    <message>
        <source>“{title}” will be deleted on this laptop and, after the next sync, everywhere. You can undo this straight away.</source>
        <translation>“{title}” sal op hierdie skootrekenaar geskrap word en, ná die volgende sinkronisering, oral. Jy kan dit dadelik ontdoen.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ontdoen</translation>
    </message>
    <message>
        <source>Bring it back (Ctrl+Z)</source>
        <translation>Bring dit terug (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>“{title}” geskrap.</translation>
    </message>
    <message>
        <source>Restored “{title}”.</source>
        <translation>“{title}” teruggebring.</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Gooi dit weg</translation>
    </message>
    <message>
        <source>Your unsaved changes from {day} {time} were kept. Save to keep them for good.</source>
        <translation>Jou ongestoorde veranderinge van {day} {time} is gehou. Stoor om dit vir goed te hou.</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Today</source>
        <translation>Vandag</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Môre</translation>
    </message>
</context>
<context>
    <name>RollDialog</name>
    <message>
        <source>Roll: {session}</source>
        <translation>Presensielys: {session}</translation>
    </message>
    <message>
        <source>Tick who is here. Registered people are listed; add walk-ins and guests.</source>
        <extracomment>"save" or "close" once accepted.</extracomment>
        <translation>Merk wie hier is. Geregistreerdes is gelys; voeg instappers en gaste by.</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Bywoners</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Instapper</translation>
    </message>
    <message>
        <source>A colleague who came without registering</source>
        <translation>’n Kollega wat sonder registrasie gekom het</translation>
    </message>
    <message>
        <source>Add walk-in</source>
        <translation>Voeg instapper by</translation>
    </message>
    <message>
        <source>A guest without an account, by name</source>
        <translation>’n Gas sonder ’n rekening, op naam</translation>
    </message>
    <message>
        <source>Add guest</source>
        <translation>Voeg gas by</translation>
    </message>
    <message>
        <source>Save the roll</source>
        <translation>Stoor die presensielys</translation>
    </message>
    <message>
        <source>Close the session and write the report</source>
        <translation>Sluit die sessie en skryf die verslag</translation>
    </message>
    <message>
        <source>Someone (not in your directory)</source>
        <translation>Iemand (nie in jou gids nie)</translation>
    </message>
    <message>
        <source>{name} (guest)</source>
        <translation>{name} (gas)</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search everything</source>
        <translation>Soek oral</translation>
    </message>
    <message>
        <source>Type words to find in logs, assessments, sessions and goals…</source>
        <translation>Tik woorde om in joernale, evaluerings, sessies en doelwitte te vind…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Soek</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultate</translation>
    </message>
    <message>
        <source>Results appear as you type. Enter opens the first one.</source>
        <translation>Resultate verskyn terwyl jy tik. Enter maak die eerste een oop.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sonder titel)</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>Niks gevind vir “{query}” nie.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s). Enter opens the selected one; arrows move.</source>
        <translation><numerusform>%n resultaat. Enter maak die gekose een oop; pyltjies beweeg.</numerusform><numerusform>%n resultate. Enter maak die gekose een oop; pyltjies beweeg.</numerusform></translation>
    </message>
</context>
<context>
    <name>SelfAssessmentPage</name>
    <message>
        <source>Self-Assessment</source>
        <translation>Selfevaluering</translation>
    </message>
    <message>
        <source>New self-assessment</source>
        <translation>Nuwe selfevaluering</translation>
    </message>
    <message>
        <source>No self-assessments yet. Press “New self-assessment” (Ctrl+N) to rate yourself against the SayPro competency framework; do it again in a few months to see how you grew.</source>
        <translation>Nog geen selfevaluerings nie. Druk “Nuwe selfevaluering” (Ctrl+N) om jouself teen die SayPro-bevoegdheidsraamwerk te gradeer; doen dit oor ’n paar maande weer om te sien hoe jy gegroei het.</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Evaluering</translation>
    </message>
    <message>
        <source>Who can read it</source>
        <translation>Wie kan dit lees</translation>
    </message>
    <message>
        <source>Progress over time</source>
        <translation>Vordering oor tyd</translation>
    </message>
    <message>
        <source>Radar chart of your ratings</source>
        <translation>Radarkaart van jou graderings</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Graderings</translation>
    </message>
    <message>
        <source>Rate yourself honestly against what each level looks like in practice. Hover over a number to see its description.</source>
        <translation>Gradeer jouself eerlik teen hoe elke vlak in die praktyk lyk. Beweeg oor ’n nommer om sy beskrywing te sien.</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Refleksie</translation>
    </message>
    <message>
        <source>Turn these gaps into development goals</source>
        <translation>Maak hierdie gapings ontwikkelingsdoelwitte</translation>
    </message>
    <message>
        <source>This assessment</source>
        <extracomment>The latest assessments, read once per opened record (each rating click compares with them).</extracomment>
        <translation>Hierdie evaluering</translation>
    </message>
    <message>
        <source>This is your first assessment with this framework: the next one will show how you grew.</source>
        <translation>Dit is jou eerste evaluering met hierdie raamwerk: die volgende een sal wys hoe jy gegroei het.</translation>
    </message>
    <message>
        <source>Compared with “{title}” ({day}): higher in {grew}, lower in {dropped}, the same in {same}.</source>
        <translation>Vergeleke met “{title}” ({day}): hoër in {grew}, laer in {dropped}, dieselfde in {same}.</translation>
    </message>
    <message>
        <source>Below the expected level: {names}.</source>
        <translation>Onder die verwagte vlak: {names}.</translation>
    </message>
    <message>
        <source>No gaps: every rated competency is at or above the expected level.</source>
        <translation>Geen gapings nie: elke gegradeerde bevoegdheid is op of bo die verwagte vlak.</translation>
    </message>
    <message>
        <source>Grow in {competency}</source>
        <translation>Groei in {competency}</translation>
    </message>
    <message>
        <source>My next self-assessment rates {competency} at {level} or more, with evidence.</source>
        <translation>My volgende selfevaluering gradeer {competency} op {level} of meer, met bewyse.</translation>
    </message>
    <message>
        <source>Self-assessment {month}</source>
        <translation>Selfevaluering {month}</translation>
    </message>
    <message>
        <source>competencies rated: {n}</source>
        <translation>bevoegdhede gegradeer: {n}</translation>
    </message>
    <message>
        <source>(no title yet)</source>
        <translation>(nog geen titel nie)</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) added to your development plan.</source>
        <translation><numerusform>%n doelwit by jou ontwikkelingsplan gevoeg.</numerusform><numerusform>%n doelwitte by jou ontwikkelingsplan gevoeg.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation><numerusform>%n gaping</numerusform><numerusform>%n gapings</numerusform></translation>
    </message>
</context>
<context>
    <name>SessionNotesPage</name>
    <message>
        <source>Session Notes</source>
        <translation>Sessienotas</translation>
    </message>
    <message>
        <source>New session note</source>
        <translation>Nuwe sessienota</translation>
    </message>
    <message>
        <source>No session notes yet. After a sharing circle, knowledge café or feedback session, press “New session note” (Ctrl+N) to record who came, what you learned and what happens next.</source>
        <translation>Nog geen sessienotas nie. Druk ná ’n deelkring, kenniskafee of terugvoersessie “Nuwe sessienota” (Ctrl+N) om aan te teken wie gekom het, wat jy geleer het en wat volgende gebeur.</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>e.g. Sharing circle: keeping youth in the programme</source>
        <translation>bv. Deelkring: hoe ons die jeug in die program hou</translation>
    </message>
    <message>
        <source>Online or in person</source>
        <translation>Aanlyn of persoonlik</translation>
    </message>
    <message>
        <source>e.g. Community hall, Tzaneen, or the meeting link</source>
        <translation>bv. Gemeenskapsaal, Tzaneen, of die vergaderskakel</translation>
    </message>
    <message>
        <source>Who can read it</source>
        <translation>Wie kan dit lees</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Mense</translation>
    </message>
    <message>
        <source>One name per line.</source>
        <translation>Een naam per reël.</translation>
    </message>
    <message>
        <source>Report details</source>
        <translation>Verslagbesonderhede</translation>
    </message>
    <message>
        <source>e.g. April SCOR-1</source>
        <translation>bv. April SCOR-1</translation>
    </message>
    <message>
        <source>What came out of it</source>
        <translation>Wat daaruit gekom het</translation>
    </message>
    <message>
        <source>One question a line; its answer after “ -&gt; ”, e.g. Who pays the venue? -&gt; The district office</source>
        <translation>Een vraag per reël; die antwoord na “ -&gt; ”, bv. Wie betaal die lokaal? -&gt; Die distrikskantoor</translation>
    </message>
    <message>
        <source>Add action item</source>
        <translation>Voeg aksiepunt by</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Verwyder gekose</translation>
    </message>
    <message>
        <source>Who does what by when</source>
        <translation>Wie doen wat teen wanneer</translation>
    </message>
    <message>
        <source>Export as PDF…</source>
        <translation>Voer uit as PDF…</translation>
    </message>
    <message>
        <source>Save the Session Summary Report as a PDF (Ctrl+E)</source>
        <translation>Stoor die sessie-opsommingsverslag as ’n PDF (Ctrl+E)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Druk…</translation>
    </message>
    <message>
        <source>Print the Session Summary Report (Ctrl+P)</source>
        <translation>Druk die sessie-opsommingsverslag (Ctrl+P)</translation>
    </message>
    <message numerus="yes">
        <source>%n open action(s)</source>
        <translation><numerusform>%n oop aksie</numerusform><numerusform>%n oop aksies</numerusform></translation>
    </message>
    <message>
        <source>(no topic yet)</source>
        <translation>(nog geen onderwerp nie)</translation>
    </message>
    <message>
        <source>Export the session report</source>
        <translation>Voer die sessieverslag uit</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write the PDF</source>
        <translation>Kon nie die PDF skryf nie</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>Verslag gestoor in {path}</translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s)</source>
        <translation><numerusform>%n bywoner</numerusform><numerusform>%n bywoners</numerusform></translation>
    </message>
    <message>
        <source>What was supposed to happen?</source>
        <extracomment>The after-action review questions of a session's team debrief (saypro_desktop.storage.programme).</extracomment>
        <translation>Wat moes gebeur het?</translation>
    </message>
    <message>
        <source>What actually happened?</source>
        <translation>Wat het werklik gebeur?</translation>
    </message>
    <message>
        <source>Why was there a difference?</source>
        <translation>Waarom was daar ’n verskil?</translation>
    </message>
    <message>
        <source>What will we keep or change next time?</source>
        <translation>Wat behou of verander ons volgende keer?</translation>
    </message>
</context>
<context>
    <name>SessionReport</name>
    <message>
        <source>Action</source>
        <extracomment>The report's own words, listed for lupdate (they are translated by ``_tr`` when the report is built).</extracomment>
        <translation>Aksie</translation>
    </message>
    <message>
        <source>Attendees ({n})</source>
        <translation>Bywoners ({n})</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Sperdatum</translation>
    </message>
    <message>
        <source>Nothing recorded.</source>
        <translation>Niks aangeteken nie.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eienaar</translation>
    </message>
    <message>
        <source>Session Summary Report</source>
        <translation>Sessie-opsommingsverslag</translation>
    </message>
    <message>
        <source>Session Summary Report · {app}</source>
        <translation>Sessie-opsommingsverslag · {app}</translation>
    </message>
    <message>
        <source>Session type</source>
        <translation>Soort sessie</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>written by {name}</source>
        <translation>geskryf deur {name}</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <source>Publish a session…</source>
        <translation>Publiseer ’n sessie…</translation>
    </message>
    <message>
        <source>Register for sessions without internet: your choice is sent with the next sync, and the answer (a place, the waiting list) shows here after it.</source>
        <translation>Registreer vir sessies sonder internet: jou keuse word met die volgende sinkronisering gestuur, en die antwoord (’n plek, die waglys) wys daarna hier.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Session details</source>
        <translation>Sessiebesonderhede</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Registreer</translation>
    </message>
    <message>
        <source>Another date</source>
        <translation>’n Ander datum</translation>
    </message>
    <message>
        <source>Choose this date</source>
        <translation>Kies hierdie datum</translation>
    </message>
    <message>
        <source>Cancel my place</source>
        <translation>Kanselleer my plek</translation>
    </message>
    <message>
        <source>Take the roll…</source>
        <translation>Neem die presensielys…</translation>
    </message>
    <message>
        <source>Answer the survey…</source>
        <translation>Beantwoord die opname…</translation>
    </message>
    <message>
        <source>Pre-check…</source>
        <translation>Voortoets…</translation>
    </message>
    <message>
        <source>Post-check…</source>
        <translation>Natoets…</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>Maak die verslag oop</translation>
    </message>
    <message>
        <source>Coming up ({count})</source>
        <translation>Kom nog ({count})</translation>
    </message>
    <message>
        <source>My registrations ({count})</source>
        <translation>My registrasies ({count})</translation>
    </message>
    <message>
        <source>Past ({count})</source>
        <translation>Verby ({count})</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Aanlyn</translation>
    </message>
    <message>
        <source>Cancelled by the organiser</source>
        <translation>Deur die organiseerder gekanselleer</translation>
    </message>
    <message>
        <source>Held: {people} on the roll</source>
        <translation>Gehou: {people} op die presensielys</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Gehou</translation>
    </message>
    <message>
        <source>{taken} of {places} places taken</source>
        <translation>{taken} van {places} plekke gevul</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Oop</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Fasiliteerders</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plekke</translation>
    </message>
    <message>
        <source>Registration closes</source>
        <translation>Registrasie sluit</translation>
    </message>
    <message>
        <source>My registration</source>
        <translation>My registrasie</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Bywoning</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Opname</translation>
    </message>
    <message>
        <source>On the roll: {people} · guests: {guests}</source>
        <translation>Op die presensielys: {people} · gaste: {guests}</translation>
    </message>
    <message>
        <source>No answers yet: they arrive with sync.</source>
        <translation>Nog geen antwoorde nie: hulle kom met sinkronisering.</translation>
    </message>
    <message>
        <source>Answers: {count} · overall {overall:.1f} of 5 · usefulness {useful:.1f} of 5</source>
        <translation>Antwoorde: {count} · algeheel {overall:.1f} uit 5 · nuttigheid {useful:.1f} uit 5</translation>
    </message>
    <message>
        <source>Checks: before {pre}, after {post} right on average.</source>
        <translation>Toetse: voor {pre}, na {post} gemiddeld reg.</translation>
    </message>
    <message>
        <source>Published: {session}. It reaches colleagues with the next sync.</source>
        <translation>Gepubliseer: {session}. Dit bereik kollegas met die volgende sinkronisering.</translation>
    </message>
    <message>
        <source>Registration saved: the server answers at the next sync.</source>
        <translation>Registrasie gestoor: die bediener antwoord by die volgende sinkronisering.</translation>
    </message>
    <message>
        <source>Date changed: the server answers at the next sync.</source>
        <translation>Datum verander: die bediener antwoord by die volgende sinkronisering.</translation>
    </message>
    <message>
        <source>Place cancelled: it goes to the waiting list at the next sync.</source>
        <translation>Plek gekanselleer: dit gaan na die waglys by die volgende sinkronisering.</translation>
    </message>
    <message>
        <source>Roll saved.</source>
        <translation>Presensielys gestoor.</translation>
    </message>
    <message>
        <source>Session closed: its report is ready to complete.</source>
        <translation>Sessie gesluit: die verslag is gereed om te voltooi.</translation>
    </message>
    <message>
        <source>Thank you: your answer goes to the facilitator with the next sync.</source>
        <translation>Dankie: jou antwoord gaan met die volgende sinkronisering na die fasiliteerder.</translation>
    </message>
    <message>
        <source>Pre-check</source>
        <translation>Voortoets</translation>
    </message>
    <message>
        <source>Post-check</source>
        <translation>Natoets</translation>
    </message>
    <message>
        <source>Answers saved.</source>
        <translation>Antwoorde gestoor.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>Who new logs and session notes are shared with unless the person chooses: sharing is the norm.</extracomment>
        <translation>Instellings</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>New logs and session notes are &amp;shared with</source>
        <translation>Nuwe logboeke en sessienotas word &amp;gedeel met</translation>
    </message>
    <message>
        <source>New logs and session notes are shared with</source>
        <translation>Nuwe logboeke en sessienotas word gedeel met</translation>
    </message>
    <message>
        <source>I am on a costly connection: send and fetch photos and documents later</source>
        <translation>Ek is op ’n duur verbinding: stuur en haal foto’s en dokumente later</translation>
    </message>
    <message>
        <source>Keep syncing in the system tray when the window is closed</source>
        <translation>Hou aan sinkroniseer in die stelselbalk wanneer die venster toe is</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits.</source>
        <translation>Hierdie werkskerm het geen stelselbalk nie: as die venster toegemaak word, sluit die program.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — {app}</source>
        <extracomment>The chosen profile's data key (None: a profile nobody signed in to).</extracomment>
        <translation>Meld aan — {app}</translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation>Wie werk nou?</translation>
    </message>
    <message>
        <source>Your password is checked on this laptop, so this works without a connection.</source>
        <translation>Jou wagwoord word op hierdie skootrekenaar nagegaan, so dit werk sonder ’n verbinding.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wagwoord</translation>
    </message>
    <message>
        <source>Sign in with another account…</source>
        <translation>Meld aan met ’n ander rekening…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Maak oop</translation>
    </message>
    <message>
        <source>Sign in to SayPro</source>
        <translation>Meld aan by SayPro</translation>
    </message>
    <message>
        <source>The first sign-in needs a connection to the server. After that the app opens without one, and your work syncs whenever a signal appears.</source>
        <translation>Die eerste aanmelding het ’n verbinding met die bediener nodig. Daarna maak die toep sonder een oop, en jou werk sinkroniseer wanneer daar sein is.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Bedieneradres</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Work without an account</source>
        <translation>Werk sonder ’n rekening</translation>
    </message>
    <message>
        <source>Everything stays on this laptop until someone signs in.</source>
        <translation>Alles bly op hierdie skootrekenaar totdat iemand aanmeld.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Meld aan</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Tik jou wagwoord.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: wait a moment and try again.</source>
        <translation>Te veel verkeerde wagwoorde: wag ’n oomblik en probeer weer.</translation>
    </message>
    <message>
        <source>That password is not right. It is the one you last signed in with. A new password from your administrator? Sign in with another account, with the same user name.</source>
        <translation>Daardie wagwoord is nie reg nie. Dit is die een waarmee jy laas aangemeld het. ’n Nuwe wagwoord van jou administrateur? Meld aan met ’n ander rekening, met dieselfde gebruikersnaam.</translation>
    </message>
    <message>
        <source>Your profile could not be opened: {error}</source>
        <translation>Jou profiel kon nie oopgemaak word nie: {error}</translation>
    </message>
    <message>
        <source>Fill in the server address (starting with https://), your user name and password.</source>
        <translation>Vul die bedieneradres (wat met https:// begin), jou gebruikersnaam en wagwoord in.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (plain http would send your password in clear). Ask your administrator for the right address.</source>
        <translation>Die bedieneradres moet met https:// begin (gewone http sou jou wagwoord onversleuteld stuur). Vra jou administrateur vir die regte adres.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Meld aan…</translation>
    </message>
    <message>
        <source>Sign-in failed: {error}</source>
        <translation>Aanmelding het misluk: {error}</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>How did it go? {session}</source>
        <translation>Hoe het dit gegaan? {session}</translation>
    </message>
    <message>
        <source>1 is poor, 5 is excellent.</source>
        <translation>1 is swak, 5 is uitstekend.</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Algeheel</translation>
    </message>
    <message>
        <source>Usefulness</source>
        <translation>Nuttigheid</translation>
    </message>
    <message>
        <source>Useful for my work</source>
        <translation>Nuttig vir my werk</translation>
    </message>
    <message>
        <source>What to improve</source>
        <translation>Wat om te verbeter</translation>
    </message>
    <message>
        <source>Answer anonymously (the facilitator does not see my name)</source>
        <translation>Antwoord anoniem (die fasiliteerder sien nie my naam nie)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Stuur</translation>
    </message>
    <message>
        <source>Choose a number from 1 to 5 for both questions.</source>
        <translation>Kies ’n getal van 1 tot 5 vir albei vrae.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>This laptop is not signed in to a server, so the file cannot be fetched.</source>
        <extracomment>How far the running sync has come (None before its first report). The person said they are on a costly connection: photos and documents wait. When the last complete sync ended (ISO UTC): said next to a failure, so its age is plain.</extracomment>
        <translation>Hierdie skootrekenaar is nie by ’n bediener aangemeld nie, dus kan die lêer nie gehaal word nie.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <extracomment>What the server sent that this laptop could not use: (kind, record id, why, when).</extracomment>
        <translation>Sinkroniseer</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Meld aan…</translation>
    </message>
    <message>
        <source>Sign in to the SayPro server (needs a connection once)</source>
        <translation>Meld aan by die SayPro-bediener (het een keer ’n verbinding nodig)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkroniseer nou</translation>
    </message>
    <message>
        <source>Not accepted by the server</source>
        <translation>Nie deur die bediener aanvaar nie</translation>
    </message>
    <message>
        <source>Records the server did not accept</source>
        <translation>Rekords wat die bediener nie aanvaar het nie</translation>
    </message>
    <message>
        <source>Conflicts to look at</source>
        <translation>Konflikte om na te kyk</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Set aside: sent by the server, but not usable here</source>
        <translation>Opsy gesit: deur die bediener gestuur, maar nie hier bruikbaar nie</translation>
    </message>
    <message>
        <source>What the server sent that this laptop could not use</source>
        <translation>Wat die bediener gestuur het wat hierdie skootrekenaar nie kon gebruik nie</translation>
    </message>
    <message>
        <source>Recent syncs</source>
        <translation>Onlangse sinkronisasies</translation>
    </message>
    <message>
        <source>Your data is kept in {path}. Back it up by copying this folder.</source>
        <translation>Jou data word in {path} gehou. Maak ’n rugsteun deur hierdie gids te kopieer.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not signed in.&lt;/b&gt; Everything you write stays on this laptop and is safe here. To share it and receive your mentor's feedback, press “Sign in…” once while you have a connection.</source>
        <translation>&lt;b&gt;Nie aangemeld nie.&lt;/b&gt; Alles wat jy skryf, bly op hierdie skootrekenaar en is veilig hier. Om dit te deel en jou mentor se terugvoer te kry, druk een keer “Meld aan…” terwyl jy ’n verbinding het.</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;{name}&lt;/b&gt; to {url}.</source>
        <translation>Aangemeld as &lt;b&gt;{name}&lt;/b&gt; by {url}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not encrypted:&lt;/b&gt; this server is reached over plain http, so your sign-in and your records travel in clear. Use it only in a test lab.</source>
        <translation>&lt;b&gt;Nie versleutel nie:&lt;/b&gt; hierdie bediener word oor gewone http bereik, dus reis jou aanmelding en jou rekords onversleuteld. Gebruik dit net in ’n toetslaboratorium.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The server asks you to sign in again.&lt;/b&gt; Nothing you wrote is lost: it waits here until you do.</source>
        <translation>&lt;b&gt;Die bediener vra dat jy weer aanmeld.&lt;/b&gt; Niks wat jy geskryf het, gaan verlore nie: dit wag hier totdat jy dit doen.</translation>
    </message>
    <message>
        <source>Syncing now…</source>
        <translation>Sinkroniseer nou…</translation>
    </message>
    <message>
        <source>Photos or documents the server could not send or take this time: {n} (the others went on; they are tried again at the next sync).</source>
        <translation>Foto’s of dokumente wat die bediener hierdie keer nie kon stuur of neem nie: {n} (die ander het deurgegaan; hulle word by die volgende sinkronisering weer probeer).</translation>
    </message>
    <message>
        <source> (held back: you said the connection is costly; see Settings)</source>
        <translation> (teruggehou: jy het gesê die verbinding is duur; sien Instellings)</translation>
    </message>
    <message>
        <source>Photos and documents still to send or fetch: {n}{held}.</source>
        <translation>Foto’s en dokumente wat nog gestuur of gehaal moet word: {n}{held}.</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>Verwysingsdata</translation>
    </message>
    <message>
        <source>A conflict</source>
        <translation>’n Konflik</translation>
    </message>
    <message>
        <source>A record</source>
        <translation>’n Rekord</translation>
    </message>
    <message>
        <source>{what} ({time}): {reason}</source>
        <translation>{what} ({time}): {reason}</translation>
    </message>
    <message>
        <source>Settled. Your choice goes to the server with the next sync.</source>
        <translation>Opgelos. Jou keuse gaan met die volgende sinkronisering na die bediener.</translation>
    </message>
    <message>
        <source>{time} · failed: {reason}</source>
        <translation>{time} · misluk: {reason}</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>voltooi</translation>
    </message>
    <message>
        <source>partly done</source>
        <translation>gedeeltelik gedoen</translation>
    </message>
    <message>
        <source>{time} · {state}: {sent} sent, {received} received, {up} up, {down} down</source>
        <translation>{time} · {state}: {sent} gestuur, {received} ontvang, {up} op, {down} af</translation>
    </message>
    <message>
        <source>, files: {up} sent, {down} received</source>
        <translation>, lêers: {up} gestuur, {down} ontvang</translation>
    </message>
    <message>
        <source>This laptop has not synced yet.</source>
        <translation>Hierdie skootrekenaar het nog nie gesinkroniseer nie.</translation>
    </message>
    <message>
        <source>The last attempt ({time}) failed: {reason}</source>
        <translation>Die laaste poging ({time}) het misluk: {reason}</translation>
    </message>
    <message>
        <source>Last synced {time}.</source>
        <translation>Laas gesinkroniseer {time}.</translation>
    </message>
    <message>
        <source>Waiting to send: {changes} changes to {records} records ({size}).</source>
        <translation>Wag om te stuur: {changes} veranderinge aan {records} rekords ({size}).</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Niks wag om gestuur te word nie.</translation>
    </message>
    <message>
        <source>{kind}: “{field}” was changed on two devices</source>
        <translation>{kind}: “{field}” is op twee toestelle verander</translation>
    </message>
</context>
<context>
    <name>SyncTray</name>
    <message>
        <source>Open {app}</source>
        <translation>Maak {app} oop</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkroniseer nou</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sluit af</translation>
    </message>
    <message>
        <source>Still running here and syncing your work. Right-click this icon and choose Quit to stop.</source>
        <translation>Loop nog hier en sinkroniseer jou werk. Regsklik op hierdie ikoon en kies Sluit af om te stop.</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>My team</source>
        <extracomment>A colour that reads on light and dark backgrounds alike (the quiet ones, an overdue goal).</extracomment>
        <translation>My span</translation>
    </message>
    <message>
        <source>The people you follow</source>
        <translation>Die mense wat jy volg</translation>
    </message>
    <message>
        <source>Latest self-assessment (rating 1-5)</source>
        <translation>Jongste selfevaluering (gradering 1-5)</translation>
    </message>
    <message>
        <source>Latest self-assessments, by competency</source>
        <translation>Jongste selfevaluerings, per bevoegdheid</translation>
    </message>
    <message>
        <source>Shared by the person chosen above</source>
        <translation>Gedeel deur die persoon hierbo gekies</translation>
    </message>
    <message>
        <source>What they shared with you</source>
        <translation>Wat hulle met jou gedeel het</translation>
    </message>
    <message>
        <source>You do not supervise or mentor anyone yet. When your administrator makes you a team's supervisor or someone's mentor, the people appear here after a sync, with what they share with you.</source>
        <translation>Jy is nog nie iemand se toesighouer of mentor nie. Wanneer jou administrateur jou ’n span se toesighouer of iemand se mentor maak, verskyn die mense hier ná ’n sinkronisering, met wat hulle met jou deel.</translation>
    </message>
    <message>
        <source>{month} and this quarter ({start} to {end}), from what each person shared with you, as of the last sync. A date in red: no reflection in 30 days.</source>
        <translation>{month} en hierdie kwartaal ({start} tot {end}), uit wat elke persoon met jou gedeel het, soos by die laaste sinkronisering. ’n Datum in rooi: geen refleksie in 30 dae nie.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Logs shared
this month</source>
        <translation>Logboeke gedeel
hierdie maand</translation>
    </message>
    <message>
        <source>Logs shared
this quarter</source>
        <translation>Logboeke gedeel
hierdie kwartaal</translation>
    </message>
    <message>
        <source>Sessions
this month</source>
        <translation>Sessies
hierdie maand</translation>
    </message>
    <message>
        <source>Sessions
this quarter</source>
        <translation>Sessies
hierdie kwartaal</translation>
    </message>
    <message>
        <source>Goals
on track</source>
        <translation>Doelwitte
op koers</translation>
    </message>
    <message>
        <source>Goals
at risk</source>
        <translation>Doelwitte
in gevaar</translation>
    </message>
    <message>
        <source>Goals
overdue</source>
        <translation>Doelwitte
agterstallig</translation>
    </message>
    <message>
        <source>Reviews
due</source>
        <translation>Hersienings
verskuldig</translation>
    </message>
    <message>
        <source>Last
reflection</source>
        <translation>Laaste
refleksie</translation>
    </message>
    <message>
        <source>(mentee)</source>
        <translation>(mentee)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Geëvalueer op</translation>
    </message>
    <message>
        <source>Below the expected level ({level})</source>
        <translation>Onder die verwagte vlak ({level})</translation>
    </message>
    <message>
        <source>Shared by {name}</source>
        <translation>Gedeel deur {name}</translation>
    </message>
    <message>
        <source>Nothing shared with you yet.</source>
        <translation>Nog niks met jou gedeel nie.</translation>
    </message>
</context>
<context>
    <name>ToolkitDialog</name>
    <message>
        <source>Reflective Practice Toolkit</source>
        <translation>Gereedskapstel vir Reflektiewe Praktyk</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Sjablone</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>Werkblad</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Druk…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Stoor as PDF…</translation>
    </message>
    <message>
        <source>Templates for reflecting alone or as a team. Print one as a worksheet for a session, or use it in a learning log (choose it there under Reflection template).</source>
        <translation>Sjablone om alleen of as span te reflekteer. Druk een as werkblad vir ’n sessie, of gebruik dit in ’n leerjoernaal (kies dit daar onder Refleksiesjabloon).</translation>
    </message>
    <message>
        <source>Save the worksheet</source>
        <translation>Stoor die werkblad</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write the PDF</source>
        <translation>Kon nie die PDF skryf nie</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Cannot open your profile</source>
        <translation>Kan nie jou profiel oopmaak nie</translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <source>Peer learning</source>
        <extracomment>QT_TRANSLATE_NOOP returns the text unchanged (typed ``object`` by the stubs). Keyed by (enum, value): members of different enums can share a value ("waiting" is a sync state and a registration's outcome), and a StrEnum member equals its value.</extracomment>
        <translation>Portuurleer</translation>
    </message>
    <message>
        <source>Feedback session</source>
        <translation>Terugvoersessie</translation>
    </message>
    <message>
        <source>Sharing circle</source>
        <translation>Deelkring</translation>
    </message>
    <message>
        <source>Knowledge café</source>
        <translation>Kenniskafee</translation>
    </message>
    <message>
        <source>Lightning talk</source>
        <translation>Blitspraatjie</translation>
    </message>
    <message>
        <source>Info session</source>
        <translation>Inligtingsessie</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Ander</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nie begin nie</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>Op koers</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>In gevaar</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Bereik</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Laat vaar</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>Net ek</translation>
    </message>
    <message>
        <source>Me and my supervisor</source>
        <translation>Ek en my toesighouer</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>My span</translation>
    </message>
    <message>
        <source>Everyone at SayPro</source>
        <translation>Almal by SayPro</translation>
    </message>
    <message>
        <source>Saved on this laptop</source>
        <translation>Op hierdie skootrekenaar gestoor</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Wag om te sinkroniseer</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gestuur</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Gesinkroniseer</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Nie aanvaar nie</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Erken</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Bevestig</translation>
    </message>
    <message>
        <source>Needs more</source>
        <translation>Het meer nodig</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Ooreengekom</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Persoonlik</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Aanlyn</translation>
    </message>
    <message>
        <source>Proposed for the newsletter</source>
        <translation>Voorgestel vir die nuusbrief</translation>
    </message>
    <message>
        <source>Featured in the newsletter</source>
        <translation>In die nuusbrief uitgelig</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Herhaal nie</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Elke week</translation>
    </message>
    <message>
        <source>Every second week</source>
        <translation>Elke tweede week</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Elke maand</translation>
    </message>
    <message>
        <source>Asked: the server answers at the next sync</source>
        <translation>Gevra: die bediener antwoord by die volgende sinkronisering</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Geregistreer</translation>
    </message>
    <message>
        <source>On the waiting list</source>
        <translation>Op die waglys</translation>
    </message>
    <message>
        <source>Closed: registration had ended</source>
        <translation>Gesluit: registrasie was verby</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Gekanselleer</translation>
    </message>
    <message>
        <source>Case study</source>
        <translation>Gevallestudie</translation>
    </message>
    <message>
        <source>Toolkit</source>
        <translation>Gereedskapstel</translation>
    </message>
    <message>
        <source>Best practice</source>
        <translation>Beste praktyk</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Opname</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Gids</translation>
    </message>
    <message>
        <source>Shared learning</source>
        <translation>Gedeelde les</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projek</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>Mylpaal</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Wat gebeur het</translation>
    </message>
    <message>
        <source>What I learned</source>
        <translation>Wat ek geleer het</translation>
    </message>
    <message>
        <source>What I will do differently</source>
        <translation>Wat ek anders sal doen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etikette</translation>
    </message>
    <message>
        <source>Guided questions</source>
        <translation>Gerigte vrae</translation>
    </message>
    <message>
        <source>Competency framework</source>
        <translation>Bevoegdheidsraamwerk</translation>
    </message>
    <message>
        <source>Framework version</source>
        <translation>Raamwerkweergawe</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Graderings</translation>
    </message>
    <message>
        <source>Reflections</source>
        <translation>Refleksies</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Gapings</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Begin</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Einde</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Plek</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Fasiliteerders</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Bywoners</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Insigte</translation>
    </message>
    <message>
        <source>Challenges</source>
        <translation>Uitdagings</translation>
    </message>
    <message>
        <source>Success stories</source>
        <translation>Suksesverhale</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Aksiepunte</translation>
    </message>
    <message>
        <source>Specific</source>
        <translation>Spesifiek</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maatstaf</translation>
    </message>
    <message>
        <source>Achievable steps</source>
        <translation>Haalbare stappe</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>Relevansie</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Teikendatum</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Volgende hersiening</translation>
    </message>
    <message>
        <source>Progress notes</source>
        <translation>Vorderingsnotas</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Rekord</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Soort rekord</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentaar</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Lêernaam</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Kontrolesom</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eienaar</translation>
    </message>
    <message>
        <source>Focus areas / agenda</source>
        <translation>Fokusareas / agenda</translation>
    </message>
    <message>
        <source>Training module or programme</source>
        <translation>Opleidingsmodule of program</translation>
    </message>
    <message>
        <source>Office or department</source>
        <translation>Kantoor of departement</translation>
    </message>
    <message>
        <source>Reporting cycle</source>
        <translation>Verslagsiklus</translation>
    </message>
    <message>
        <source>Recording link</source>
        <translation>Skakel na opname</translation>
    </message>
    <message>
        <source>Questions raised</source>
        <translation>Vrae gevra</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Geskryf deur</translation>
    </message>
    <message>
        <source>Team debrief</source>
        <translation>Spanontleding</translation>
    </message>
    <message>
        <source>Online link</source>
        <translation>Aanlyn skakel</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plekke</translation>
    </message>
    <message>
        <source>Registration deadline</source>
        <translation>Sluitingsdatum vir registrasie</translation>
    </message>
    <message>
        <source>Alternative dates</source>
        <translation>Alternatiewe datums</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Herhaal</translation>
    </message>
    <message>
        <source>Repeats until</source>
        <translation>Herhaal tot</translation>
    </message>
    <message>
        <source>Check questions</source>
        <translation>Toetsvrae</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Gaste</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Algeheel</translation>
    </message>
    <message>
        <source>Usefulness</source>
        <translation>Nuttigheid</translation>
    </message>
    <message>
        <source>What to improve</source>
        <translation>Wat om te verbeter</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antwoorde</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Opsomming</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Skakels</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
</context>
<context>
    <name>types</name>
    <message>
        <source>Learning logs</source>
        <translation>Leerjoernale</translation>
    </message>
    <message>
        <source>Self-assessments</source>
        <translation>Selfevaluerings</translation>
    </message>
    <message>
        <source>Session notes</source>
        <translation>Sessienotas</translation>
    </message>
    <message>
        <source>Development goals</source>
        <translation>Ontwikkelingsdoelwitte</translation>
    </message>
    <message>
        <source>Mentor feedback</source>
        <translation>Mentorterugvoer</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Aanhegsels</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Registrasies</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Bywoning</translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation>Opname-antwoorde</translation>
    </message>
    <message>
        <source>Hub library</source>
        <translation>Hub-biblioteek</translation>
    </message>
    <message>
        <source>Recognitions</source>
        <translation>Erkennings</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>A linked record id is not valid.</source>
        <translation>’n Gekoppelde rekord-id is nie geldig nie.</translation>
    </message>
    <message>
        <source>A progress note is empty.</source>
        <translation>’n Vorderingsnota is leeg.</translation>
    </message>
    <message>
        <source>A progress note is too long.</source>
        <translation>’n Vorderingsnota is te lank.</translation>
    </message>
    <message>
        <source>A session cannot last more than a week; check the end date.</source>
        <translation>’n Sessie kan nie langer as ’n week duur nie; kontroleer die einddatum.</translation>
    </message>
    <message>
        <source>Action item {number} is too long (at most 1,000 characters).</source>
        <translation>Aksiepunt {number} is te lank (hoogstens 1 000 karakters).</translation>
    </message>
    <message>
        <source>Action item {number} needs a description.</source>
        <translation>Aksiepunt {number} het ’n beskrywing nodig.</translation>
    </message>
    <message>
        <source>Attachment does not say which record it belongs to.</source>
        <translation>Die aanhegsel sê nie aan watter rekord dit behoort nie.</translation>
    </message>
    <message>
        <source>Attachment is on an unknown kind of record '{kind}'.</source>
        <translation>Die aanhegsel is op ’n onbekende soort rekord '{kind}'.</translation>
    </message>
    <message>
        <source>Checksum must be 64 lower-case hexadecimal characters (sha256).</source>
        <translation>Die kontrolesom moet 64 heksadesimale kleinletters wees (sha256).</translation>
    </message>
    <message>
        <source>Competency '{competency}' is rated twice.</source>
        <translation>Bevoegdheid '{competency}' is twee keer gegradeer.</translation>
    </message>
    <message>
        <source>End must be after the start.</source>
        <translation>Die einde moet ná die begin wees.</translation>
    </message>
    <message>
        <source>Evidence for '{competency}' is too long.</source>
        <translation>Die bewys vir '{competency}' is te lank.</translation>
    </message>
    <message>
        <source>Feedback does not say which record it is about.</source>
        <translation>Die terugvoer sê nie oor watter rekord dit gaan nie.</translation>
    </message>
    <message>
        <source>Feedback is on an unknown kind of record '{kind}'.</source>
        <translation>Die terugvoer is op ’n onbekende soort rekord '{kind}'.</translation>
    </message>
    <message>
        <source>Gap '{gap}' is not one of the rated competencies.</source>
        <translation>Gaping '{gap}' is nie een van die gegradeerde bevoegdhede nie.</translation>
    </message>
    <message>
        <source>Id '{value}' is not a valid record id.</source>
        <translation>Id '{value}' is nie ’n geldige rekord-id nie.</translation>
    </message>
    <message>
        <source>Rate at least one competency.</source>
        <translation>Gradeer minstens een bevoegdheid.</translation>
    </message>
    <message>
        <source>Rating for '{competency}' must be from {low} to {high}, not {rating}.</source>
        <translation>Gradering vir '{competency}' moet van {low} tot {high} wees, nie {rating} nie.</translation>
    </message>
    <message>
        <source>Framework version must be from 1 to {high}.</source>
        <translation>Die raamwerkweergawe moet van 1 tot {high} wees.</translation>
    </message>
    <message>
        <source>{label}: a month like 2026-11 or a quarter like 2026-Q4.</source>
        <translation>{label}: ’n maand soos 2026-11 of ’n kwartaal soos 2026-Q4.</translation>
    </message>
    <message>
        <source>Revision must be from 0 to {high}.</source>
        <translation>Die hersiening moet van 0 tot {high} wees.</translation>
    </message>
    <message>
        <source>Size cannot be negative.</source>
        <translation>Die grootte kan nie negatief wees nie.</translation>
    </message>
    <message>
        <source>Size {size} is larger than any file this app keeps.</source>
        <translation>Grootte {size} is groter as enige lêer wat hierdie toep hou.</translation>
    </message>
    <message>
        <source>Start is not a date this form can use.</source>
        <translation>Die begin is nie ’n datum wat hierdie vorm kan gebruik nie.</translation>
    </message>
    <message>
        <source>Tag '{tag}' cannot contain a comma or semicolon.</source>
        <translation>Etiket '{tag}' mag nie ’n komma of kommapunt bevat nie.</translation>
    </message>
    <message>
        <source>Tag '{tag}…' is longer than {limit} characters.</source>
        <translation>Etiket '{tag}…' is langer as {limit} karakters.</translation>
    </message>
    <message>
        <source>Tags cannot be empty.</source>
        <translation>Etikette mag nie leeg wees nie.</translation>
    </message>
    <message>
        <source>Tags: at most {limit}, this has {count}.</source>
        <translation>Etikette: hoogstens {limit}, hierdie het {count}.</translation>
    </message>
    <message>
        <source>The answer to '{question}' is too long (at most {limit} characters).</source>
        <translation>Die antwoord op '{question}' is te lank (hoogstens {limit} karakters).</translation>
    </message>
    <message>
        <source>The owner of action item {number} is too long.</source>
        <translation>Die eienaar van aksiepunt {number} is te lank.</translation>
    </message>
    <message>
        <source>Write at least what happened or what you learned.</source>
        <translation>Skryf minstens wat gebeur het of wat jy geleer het.</translation>
    </message>
    <message>
        <source>{label} has an empty entry.</source>
        <translation>{label} het ’n leë inskrywing.</translation>
    </message>
    <message>
        <source>{label} holds a character that is not valid text ({character}, at character {position}).</source>
        <translation>{label} bevat ’n karakter wat nie geldige teks is nie ({character}, by karakter {position}).</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} is nodig.</translation>
    </message>
    <message>
        <source>{label} is too long: at most {limit} characters, this has {length}.</source>
        <translation>{label} is te lank: hoogstens {limit} karakters, hierdie het {length}.</translation>
    </message>
    <message>
        <source>{label} must carry a time zone.</source>
        <translation>{label} moet ’n tydsone hê.</translation>
    </message>
    <message>
        <source>{label} {date} is in the future.</source>
        <translation>{label} {date} is in die toekoms.</translation>
    </message>
    <message>
        <source>{label} {date} is not a date this plan can use.</source>
        <translation>{label} {date} is nie ’n datum wat hierdie plan kan gebruik nie.</translation>
    </message>
    <message>
        <source>{label} {date} is too far in the past.</source>
        <translation>{label} {date} is te ver in die verlede.</translation>
    </message>
    <message>
        <source>{label}: '{value}…' is longer than {limit} characters.</source>
        <translation>{label}: '{value}…' is langer as {limit} karakters.</translation>
    </message>
    <message>
        <source>{label}: {value} is not a number this app can keep.</source>
        <translation>{label}: {value} is nie ’n getal wat hierdie toep kan hou nie.</translation>
    </message>
    <message>
        <source>{label}: an answer does not say which question it answers.</source>
        <translation>{label}: ’n antwoord sê nie watter vraag dit beantwoord nie.</translation>
    </message>
    <message>
        <source>{label}: at most {limit} entries, this has {count}.</source>
        <translation>{label}: hoogstens {limit} inskrywings, hierdie het {count}.</translation>
    </message>
    <message>
        <source>A check has no ratings.</source>
        <translation>’n Toets het geen graderings nie.</translation>
    </message>
    <message>
        <source>A survey has no check answers.</source>
        <translation>’n Opname het geen toetsantwoorde nie.</translation>
    </message>
    <message>
        <source>Check question {number} needs 2 to {limit} choices, none empty.</source>
        <translation>Toetsvraag {number} het 2 tot {limit} keuses nodig, geen leë nie.</translation>
    </message>
    <message>
        <source>Check question {number} needs a question (at most 1,000 characters).</source>
        <translation>Toetsvraag {number} het ’n vraag nodig (hoogstens 1 000 karakters).</translation>
    </message>
    <message>
        <source>Check question {number}: mark which choice is right.</source>
        <translation>Toetsvraag {number}: merk watter keuse reg is.</translation>
    </message>
    <message>
        <source>It does not say which session it belongs to.</source>
        <translation>Dit sê nie aan watter sessie dit behoort nie.</translation>
    </message>
    <message>
        <source>Link '{link}' must be a web address starting with https:// or http://.</source>
        <translation>Skakel '{link}' moet ’n webadres wees wat met https:// of http:// begin.</translation>
    </message>
    <message>
        <source>Question {number} is empty.</source>
        <translation>Vraag {number} is leeg.</translation>
    </message>
    <message>
        <source>Question {number} is too long.</source>
        <translation>Vraag {number} is te lank.</translation>
    </message>
    <message>
        <source>The planned session's id is not valid.</source>
        <translation>Die beplande sessie se id is nie geldig nie.</translation>
    </message>
    <message>
        <source>Write a summary, the text, or add a link.</source>
        <translation>Skryf ’n opsomming, die teks, of voeg ’n skakel by.</translation>
    </message>
    <message>
        <source>{label} is not a date this form can use.</source>
        <translation>{label} is nie ’n datum wat hierdie vorm kan gebruik nie.</translation>
    </message>
    <message>
        <source>{label} must be a web address starting with https:// or http://.</source>
        <translation>{label} moet ’n webadres wees wat met https:// of http:// begin.</translation>
    </message>
    <message>
        <source>{label} must be a {kind}.</source>
        <translation>{label} moet ’n {kind} wees.</translation>
    </message>
    <message>
        <source>{label} must be after the first date.</source>
        <translation>{label} moet ná die eerste datum wees.</translation>
    </message>
    <message>
        <source>{label} must be from 0 (no limit) to {high}.</source>
        <translation>{label} moet van 0 (geen limiet) tot {high} wees.</translation>
    </message>
    <message>
        <source>{label} must be from {low} to {high}.</source>
        <translation>{label} moet van {low} tot {high} wees.</translation>
    </message>
    <message>
        <source>{label}: a date is not one this form can use.</source>
        <translation>{label}: ’n datum is nie een wat hierdie vorm kan gebruik nie.</translation>
    </message>
    <message>
        <source>{label}: an account id is not valid.</source>
        <translation>{label}: ’n rekening-id is nie geldig nie.</translation>
    </message>
    <message>
        <source>{label}: an answer is not one of the choices.</source>
        <translation>{label}: ’n antwoord is nie een van die keuses nie.</translation>
    </message>
    <message>
        <source>{label}: at most {limit}.</source>
        <translation>{label}: hoogstens {limit}.</translation>
    </message>
    <message>
        <source>{label}: someone is named twice.</source>
        <translation>{label}: iemand word twee keer genoem.</translation>
    </message>
</context>
</TS>