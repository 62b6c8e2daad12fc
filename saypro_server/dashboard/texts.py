"""The dashboard's words in English and Afrikaans. The English text is the key: a word missing
here shows in English, never as a blank (tests/server/test_dashboard.py checks every template's
words are here)."""

from __future__ import annotations

from collections.abc import Callable

LANGUAGES = ("en", "af")

AFRIKAANS = {
    "Dashboard": "Paneelbord",
    "Skip to the content": "Spring na die inhoud",
    "Learning dashboard": "Leerpaneelbord",
    "Sections": "Afdelings",
    "Overview": "Oorsig",
    "Reports": "Verslae",
    "Report": "Verslag",
    "Sign out": "Meld af",
    "Sign in": "Meld aan",
    "For supervisors and the L&D office. Use the same user name and password as in the app.":
        "Vir toesighouers en die L&O-kantoor. Gebruik dieselfde gebruikersnaam en wagwoord as in die toep.",
    "User name": "Gebruikersnaam",
    "Password": "Wagwoord",
    "Wrong user name or password (or the account is disabled).":
        "Verkeerde gebruikersnaam of wagwoord (of die rekening is gedeaktiveer).",
    "The form had expired. Please sign in again.": "Die vorm het verval. Meld asseblief weer aan.",
    "Not for you": "Nie vir jou nie",
    "That form had expired": "Daardie vorm het verval",
    "Nothing was changed. Go back, reload the page and try again.":
        "Niks is verander nie. Gaan terug, laai die bladsy weer en probeer weer.",
    "Not found": "Nie gevind nie",
    "There is no such page among the teams you follow.": "Daar is nie so ’n bladsy by die spanne wat jy volg nie.",
    "Back to the overview": "Terug na die oorsig",
    "This dashboard is for supervisors and the L&D office": "Hierdie paneelbord is vir toesighouers en die L&O-kantoor",
    "Your own figures and feedback are in the SayPro Field Learning app, on Home.":
        "Jou eie syfers en terugvoer is in die SayPro Field Learning-toep, op Tuis.",
    "participation": "deelname",
    "of": "van",
    "staff": "personeel",
    "learnings shared": "lesse gedeel",
    "sessions held": "sessies gehou",
    "attendances": "bywonings",
    "satisfaction (of 5)": "tevredenheid (uit 5)",
    "answers": "antwoorde",
    "competency growth": "groei in bevoegdheid",
    "assessed twice": "twee keer geëvalueer",
    "reviews overdue": "hersienings agterstallig",
    "Participation by month (%)": "Deelname per maand (%)",
    "Learnings shared by month": "Lesse gedeel per maand",
    "Attendance by month": "Bywoning per maand",
    "Goals by state": "Doelwitte volgens stand",
    "Month": "Maand",
    "Show": "Wys",
    "The organisation": "Die organisasie",
    "the organisation": "die organisasie",
    "The monthly report": "Die maandverslag",
    "Teams": "Spanne",
    "You do not supervise a team yet.": "Jy is nog nie toesighouer van ’n span nie.",
    "Team": "Span",
    "Staff": "Personeel",
    "Participation": "Deelname",
    "Learnings shared": "Lesse gedeel",
    "Sessions held": "Sessies gehou",
    "Reviews overdue": "Hersienings agterstallig",
    "The team's monthly report": "Die span se maandverslag",
    "People": "Mense",
    "Person": "Persoon",
    "Sessions attended": "Sessies bygewoon",
    "Took part": "Het deelgeneem",
    "Goals achieved": "Doelwitte bereik",
    "Goals open": "Doelwitte oop",
    "yes": "ja",
    "no": "nee",
    "Only what this person shared; private records are never shown.":
        "Net wat hierdie persoon gedeel het; private rekords word nooit gewys nie.",
    "Learning logs": "Leerjoernale",
    "None shared in this month.": "Niks gedeel in hierdie maand nie.",
    "Session reports": "Sessieverslae",
    "Development goals": "Ontwikkelingsdoelwitte",
    "Goal": "Doelwit",
    "Target date": "Teikendatum",
    "State": "Stand",
    "No goals shared.": "Geen doelwitte gedeel nie.",
    "Learning report": "Leerverslag",
    "or quarter": "of kwartaal",
    "For": "Vir",
    "Download PDF": "Laai PDF af",
    "Download CSV": "Laai CSV af",
    "In figures": "In syfers",
    "Highlights": "Hoogtepunte",
    "Featured": "Uitgelig",
    "Success story": "Suksesverhaal",
    "No success stories or featured learnings in this period.":
        "Geen suksesverhale of uitgeligte lesse in hierdie tydperk nie.",
    "Active staff": "Aktiewe personeel",
    "Sessions": "Sessies",
    "Attendance": "Bywoning",
    "Average satisfaction": "Gemiddelde tevredenheid",
    "Competency growth": "Groei in bevoegdheid",
    "On track": "Op koers",
    "At risk": "In gevaar",
    "Overdue": "Agterstallig",
    "Not started": "Nie begin nie",
    "Achieved": "Bereik",
    "Dropped": "Laat vaar",
    "Goals on track": "Doelwitte op koers",
    "Goals at risk": "Doelwitte in gevaar",
    "Goals overdue": "Doelwitte agterstallig",
    "Goals not started": "Doelwitte nie begin nie",
    "Goals dropped": "Doelwitte laat vaar",
    "Continuous learner": "Voortdurende leerder",
    ("Proposed from the data by these rules; the L&D office confirms one, and everyone sees it in the app after "
     "their next sync."):
        "Voorgestel uit die data volgens hierdie reëls; die L&O-kantoor bevestig een, en almal sien dit in die toep ná "
        "hul volgende sinkronisering.",
    "points per": "punte per",
    "reflections shared": "refleksies gedeel",
    "sessions attended": "sessies bygewoon",
    "goals achieved": "doelwitte bereik",
    "feedback given": "terugvoer gegee",
    "Confirmed. Laptops show it after their next sync.":
        "Bevestig. Skootrekenaars wys dit ná hul volgende sinkronisering.",
    "Candidates": "Kandidate",
    "Nobody has points in this period yet.": "Niemand het nog punte in hierdie tydperk nie.",
    "Points": "Punte",
    "Confirm": "Bevestig",
    "Nothing was changed": "Niks is verander nie",
    "Jan": "Jan", "Feb": "Feb", "Mar": "Mrt", "Apr": "Apr", "May": "Mei", "Jun": "Jun", "Jul": "Jul",
    "Aug": "Aug", "Sep": "Sep", "Oct": "Okt", "Nov": "Nov", "Dec": "Des",
    # Administration
    "(all)": "(alles)",
    "(command line)": "(opdragreël)",
    "(no team)": "(geen span)",
    "(none)": "(geen)",
    "A mentor reads what the person shares with their supervisor and mentor, and gives feedback.":
        "’n Mentor lees wat die persoon met hul toesighouer en mentor deel, en gee terugvoer.",
    "A new version of the reference data was saved; laptops receive it with their next sync.":
        "’n Nuwe weergawe van die verwysingsdata is gestoor; skootrekenaars kry dit met hul volgende sinkronisering.",
    "About whom": "Oor wie",
    "Account": "Rekening",
    "Add": "Voeg by",
    "Add a person": "Voeg ’n persoon by",
    "Add a team": "Voeg ’n span by",
    "Administration": "Administrasie",
    ("At least 12 characters that are hard to guess (a few unrelated words), not built on their name. Give it to "
     "the person privately."):
        "Minstens 12 karakters wat moeilik is om te raai (’n paar onverwante woorde), nie op hul naam gebou nie. Gee "
        "dit privaat aan die persoon.",
    "Audit trail": "Ouditspoor",
    "Bring this version back": "Bring hierdie weergawe terug",
    "Change": "Verander",
    "Competency frameworks": "Bevoegdheidsraamwerke",
    "Details": "Besonderhede",
    "Device": "Toestel",
    "Devices": "Toestelle",
    "Disable": "Deaktiveer",
    "Download JSON": "Laai JSON af",
    ("Each framework: id, name, version, description, competencies (id, name, area, description, 5 levels, "
     "expected level 1-5). JSON."):
        "Elke raamwerk: id, name, version, description, competencies (id, name, area, description, 5 vlakke, "
        "verwagte vlak 1-5). JSON.",
    ("Each template: id, name, purpose, used_for (learning_log, self_assessment, session_note), questions (id, "
     "text, hint). JSON."):
        "Elke sjabloon: id, name, purpose, used_for (learning_log, self_assessment, session_note), questions (id, "
        "text, hint). JSON.",
    "Each type: id (one of the kinds the app knows), name, description. JSON.":
        "Elke soort: id (een van die soorte wat die toep ken), name, description. JSON.",
    "Enable": "Aktiveer",
    "Every device of theirs signs in again; the new password opens their laptop's profile when it is online.":
        "Elke toestel van hulle meld weer aan; die nuwe wagwoord maak hul skootrekenaar se profiel oop wanneer dit "
        "aanlyn is.",
    "Find": "Soek",
    "First signed in": "Eerste aangemeld",
    "Laptops use the reference data the app ships with until a version is saved here.":
        "Skootrekenaars gebruik die verwysingsdata wat saam met die toep kom totdat ’n weergawe hier gestoor word.",
    "Last seen": "Laas gesien",
    "Members": "Lede",
    "Mentor": "Mentor",
    "Move": "Skuif",
    "Name": "Naam",
    "New password": "Nuwe wagwoord",
    "Next": "Volgende",
    "No device has signed in yet.": "Geen toestel het nog aangemeld nie.",
    "No teams yet.": "Nog geen spanne nie.",
    "Nobody matches.": "Niemand pas nie.",
    "Nothing matches.": "Niks pas nie.",
    "Nothing yet.": "Nog niks nie.",
    "Older": "Ouer",
    "Only supervisors and admins can supervise a team; make someone a supervisor on their page first.":
        "Net toesighouers en administrateurs kan ’n span lei; maak iemand eers op hul bladsy ’n toesighouer.",
    "Pages": "Bladsye",
    "Password again": "Wagwoord weer",
    "Previous": "Vorige",
    "Recent changes and reads": "Onlangse veranderinge en lees",
    "Reference data": "Verwysingsdata",
    "Reflection templates": "Refleksiesjablone",
    "Reset the password": "Stel die wagwoord terug",
    "Role": "Rol",
    "Save": "Stoor",
    "Save as a new version": "Stoor as ’n nuwe weergawe",
    "Saved.": "Gestoor.",
    "Session types": "Sessiesoorte",
    "Set": "Stel",
    "Sign out everywhere": "Meld oral af",
    "Signed out everywhere: every device of theirs must sign in again.":
        "Oral afgemeld: elke toestel van hulle moet weer aanmeld.",
    "Signed out: that device must sign in again with the password.":
        "Afgemeld: daardie toestel moet weer met die wagwoord aanmeld.",
    "Since": "Sedert",
    "Supervises": "Lei",
    "Supervisor": "Toesighouer",
    "The password was changed; every device of theirs signs in again with the new one.":
        "Die wagwoord is verander; elke toestel van hulle meld weer met die nuwe een aan.",
    "The person was added. They sign in to the app with this user name and password.":
        "Die persoon is bygevoeg. Hulle meld by die toep aan met hierdie gebruikersnaam en wagwoord.",
    "The team was created.": "Die span is geskep.",
    ("The server has no reference data of its own yet: laptops use what the app ships with, shown here. Save it "
     "(changed or not) to start the history."):
        "Die bediener het nog nie eie verwysingsdata nie: skootrekenaars gebruik wat saam met die toep kom, hier "
        "gewys. Stoor dit (verander of nie) om die geskiedenis te begin.",
    "The whole audit trail about them": "Die hele ouditspoor oor hulle",
    "Version": "Weergawe",
    "Version history": "Weergawegeskiedenis",
    "What": "Wat",
    "What changed": "Wat het verander",
    "What changed (kept in the history)": "Wat het verander (in die geskiedenis gehou)",
    ("What the forms in the app offer: the competency frameworks of self-assessments, the reflection templates' "
     "guided questions and the names of the session types. Laptops receive a new version with their next sync; "
     "every version is kept below."):
        "Wat die vorms in die toep aanbied: die bevoegdheidsraamwerke van selfassesserings, die refleksiesjablone se "
        "gerigte vrae en die name van die sessiesoorte. Skootrekenaars kry ’n nuwe weergawe met hul volgende "
        "sinkronisering; elke weergawe word hieronder gehou.",
    "When": "Wanneer",
    "Who": "Wie",
    ("Who changed an account, a team or the reference data, who read what others shared with them, and every "
     "report, export and erasure. The newest first."):
        "Wie ’n rekening, ’n span of die verwysingsdata verander het, wie gelees het wat ander met hulle gedeel het, "
        "en elke verslag, uitvoer en uitwissing. Die nuutste eerste.",
    "Who they are": "Wie hulle is",
    "active": "aktief",
    "admin": "administrateur",
    "disabled": "gedeaktiveer",
    "in use": "in gebruik",
    "name or user name": "naam of gebruikersnaam",
    "not signed in": "nie aangemeld nie",
    "signed in": "aangemeld",
    "signed out": "afgemeld",
    "supervisor": "toesighouer",
    "team": "span",
    "user name": "gebruikersnaam",
    "user name, or empty for none": "gebruikersnaam, of leeg vir geen",
    "version": "weergawe",
}


def translator(language: str) -> Callable[[str], str]:
    if language == "af":
        return lambda text: AFRIKAANS.get(text, text)
    return lambda text: text
