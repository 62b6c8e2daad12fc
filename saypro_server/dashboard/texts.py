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
}


def translator(language: str) -> Callable[[str], str]:
    if language == "af":
        return lambda text: AFRIKAANS.get(text, text)
    return lambda text: text
