#!/usr/bin/env python3
"""Writes Resources/SharedResource.resx (French, neutral) and SharedResource.en.resx from one table,
so that the two languages always have the same keys. Run after editing the table:
    python3 tools/resources.py
"""
from xml.sax.saxutils import escape
import os

STRINGS = {
    # key: (français, English)
    "Forecast_Import_Choose": ("Choisir un fichier CSV", "Choose a CSV file"),
    "Forecast_Import_Done": ("{0} ligne(s) importée(s)\u00a0: {1} intervalles enregistrés sur {2} jour(s).", "{0} row(s) imported: {1} intervals stored over {2} day(s)."),
    "Forecast_Import_Failed": ("Rien n'a été importé. Corrigez ces lignes et recommencez\u00a0:", "Nothing was imported. Correct these rows and try again:"),
    "Forecast_Import_Help": ("Fichier CSV en UTF-8, colonnes séparées par des points-virgules, en-tête «\u00a0{0}\u00a0». Les jours du fichier remplacent la prévision de ces jours\u00a0; une demi-heure absente du fichier n'attend aucun contact.", "CSV file in UTF-8, columns separated by semicolons, header '{0}'. The file's days replace the forecast of those days; a half hour missing from the file expects no contact."),
    "Forecast_Import_More": ("… et {0} autre(s) erreur(s).", "… and {0} more error(s)."),
    "Forecast_Import_Title": ("Importer une prévision", "Import a forecast"),
    "Forecast_Import_TooLarge": ("Le fichier dépasse 20 Mo.", "The file is larger than 20 MB."),
    "Cancel": ("Annuler", "Cancel"),
    "Delete": ("Supprimer", "Delete"),
    "Edit": ("Modifier", "Edit"),
    "Save": ("Enregistrer", "Save"),
    "Day_Monday": ("Lun", "Mon"),
    "Day_Tuesday": ("Mar", "Tue"),
    "Day_Wednesday": ("Mer", "Wed"),
    "Day_Thursday": ("Jeu", "Thu"),
    "Day_Friday": ("Ven", "Fri"),
    "Day_Saturday": ("Sam", "Sat"),
    "Day_Sunday": ("Dim", "Sun"),
    "Capacity_Add": ("Ajouter une capacité", "Add capacity"),
    "Capacity_Agents": ("Agents", "Agents"),
    "Capacity_AgentsPositive": ("Le nombre d'agents doit être supérieur à 0.", "The number of agents must be above 0."),
    "Capacity_AgentsTooMany": ("Le nombre d'agents dépasse 10 000.", "The number of agents is above 10,000."),
    "Capacity_ChannelRequired": ("Choisissez un canal.", "Choose a channel."),
    "Capacity_Conflict": ("Cette capacité a été modifiée par quelqu'un d'autre entre-temps\u00a0: rien n'a été écrasé, la liste est rechargée.", "Someone else changed this capacity in the meantime: nothing was overwritten, the list is reloaded."),
    "Capacity_Days": ("Jours", "Days"),
    "Capacity_DaysRequired": ("Choisissez au moins un jour.", "Choose at least one day."),
    "Capacity_From": ("De", "From"),
    "Capacity_HalfHours": ("Les horaires suivent les demi-heures.", "Times follow half hours."),
    "Capacity_Hours": ("Horaires", "Hours"),
    "Capacity_Intro": ("Capacité des sites sous-traités et offshore au service de la région. Après la bascule, elle ne compte que le soir, la nuit et le week-end.", "Capacity of subcontracted and offshore sites serving the region. After the switch it counts only in evening, night and weekend slots."),
    "Capacity_NotFound": ("Cette capacité n'existe pas ou ne relève pas de votre région.", "This capacity does not exist or is not of your region."),
    "Capacity_Saved": ("Capacité enregistrée.", "Capacity saved."),
    "Capacity_Site": ("Site", "Site"),
    "Capacity_SiteKind": ("Seul un site sous-traité ou offshore porte une capacité.", "Only a subcontracted or offshore site carries capacity."),
    "Capacity_SiteRequired": ("Choisissez un site.", "Choose a site."),
    "Capacity_TimeRange": ("La fin doit suivre le début (24:00 pour minuit).", "The end must come after the start (24:00 for midnight)."),
    "Capacity_To": ("À", "To"),
    "Calculator_AnswerSeconds": ("Délai de réponse visé (s)", "Target answer time (s)"),
    "Calculator_Aht": ("Durée moyenne de traitement (s)", "Average handling time (s)"),
    "Calculator_Compute": ("Calculer", "Compute"),
    "Calculator_Concurrency": ("Contacts simultanés par conseiller (chat)", "Simultaneous contacts per advisor (chat)"),
    "Calculator_Contacts": ("Contacts dans l'intervalle", "Contacts in the interval"),
    "Calculator_Interval": ("Durée de l'intervalle (min)", "Interval length (min)"),
    "Calculator_Invalid_AnswerSeconds": ("Le délai de réponse visé est de 0 seconde ou plus.", "The target answer time is 0 seconds or more."),
    "Calculator_Invalid_Aht": ("La durée moyenne de traitement est supérieure à 0.", "The average handling time is above 0."),
    "Calculator_Invalid_Concurrency": ("Un conseiller traite au moins 1 contact à la fois.", "An advisor handles at least 1 contact at a time."),
    "Calculator_Invalid_Contacts": ("Le nombre de contacts est de 0 ou plus.", "The number of contacts is 0 or more."),
    "Calculator_Invalid_Interval": ("L'intervalle dure au moins 1 minute.", "The interval lasts at least 1 minute."),
    "Calculator_Invalid_MaxOccupancy": ("L'occupation maximale est comprise entre 1 et 100\u00a0%.", "The maximum occupancy is between 1 and 100%."),
    "Calculator_Invalid_Shrinkage": ("Le taux d'indisponibilité est compris entre 0 et 99\u00a0%.", "Shrinkage is between 0 and 99%."),
    "Calculator_Invalid_Target": ("Le niveau de service visé est supérieur à 0\u00a0% et inférieur à 100\u00a0%\u00a0: une file d'attente ne répond jamais à 100 % dans le délai.", "The service level target is above 0% and below 100%: a queue never answers 100% within the time."),
    "Calculator_MaxOccupancy": ("Occupation maximale (%)", "Maximum occupancy (%)"),
    "Calculator_Occupancy": ("Occupation", "Occupancy"),
    "Calculator_Shrinkage": ("Taux d'indisponibilité (%)", "Shrinkage (%)"),
    "Calculator_Target": ("Niveau de service visé (%)", "Service level target (%)"),
    "Calculator_Title": ("Calculateur d'effectif", "Staffing calculator"),
    "Close": ("Fermer", "Close"),
    "Seconds": ("{0} s", "{0} s"),
    "Coverage_Agents": ("Agents en ligne (N)", "Agents on the queue (N)"),
    "Coverage_Aht": ("Durée moyenne de traitement", "Average handling time"),
    "Coverage_Asa": ("Délai moyen de réponse", "Average speed of answer"),
    "Coverage_Causes": ("Effectif retiré", "Supply removed"),
    "Coverage_Channel": ("Canal", "Channel"),
    "Coverage_Chart": ("Effectif requis et disponible sur la semaine", "Required and available staff over the week"),
    "Coverage_Contacts": ("Contacts attendus", "Expected contacts"),
    "Coverage_CoveredShare": ("Heures couvertes\u00a0: {0:P0}", "Hours covered: {0:P0}"),
    "Coverage_Gap": ("Manque", "Gap"),
    "Coverage_Grid": ("Couverture par demi-heure et par jour", "Coverage by half hour and day"),
    "Coverage_InHouse": ("Conseillers internes", "In-house advisors"),
    "Coverage_LostAbsence": ("{0} absent(s) ce jour", "{0} absent that day"),
    "Coverage_LostNotCertified": ("{0} en vacation sans les compétences du canal (niveau 2)", "{0} on shift without the channel's skills (level 2)"),
    "Coverage_LostSubcontractors": ("{0} agent(s) de sous-traitance non comptés\u00a0: créneau cœur après la bascule", "{0} subcontracted agent(s) not counted: core slot after the switch"),
    "Coverage_LostTraining": ("{0} en formation ce jour", "{0} in training that day"),
    "Coverage_NextWeek": ("Semaine suivante", "Next week"),
    "Coverage_PreviousWeek": ("Semaine précédente", "Previous week"),
    "Coverage_Required": ("Effectif requis", "Required staff"),
    "Coverage_RequiredHours": ("Heures requises\u00a0: {0:N0}", "Required hours: {0:N0}"),
    "Coverage_ServiceLevel": ("Niveau de service atteint", "Service level reached"),
    "Coverage_ShortIntervals": ("Demi-heures en sous-effectif\u00a0: {0}", "Short half hours: {0}"),
    "Coverage_Status_Covered": ("Couvert", "Covered"),
    "Coverage_Status_NoDemand": ("Sans demande", "No demand"),
    "Coverage_Status_Understaffed": ("Sous-effectif", "Short"),
    "Coverage_Status_Tight": ("Tendu", "Tight"),
    "Coverage_Subcontracted": ("Sous-traitance et offshore", "Subcontracted and offshore"),
    "Coverage_Supply": ("Effectif disponible", "Available staff"),
    "Coverage_Target": ("Objectif", "Target"),
    "Coverage_TargetValue": ("{0:P0} en {1} s", "{0:P0} in {1} s"),
    "Coverage_Time": ("Heure", "Time"),
    "Coverage_Traffic": ("Trafic (Erlangs)", "Traffic (Erlangs)"),
    "Coverage_WeekOf": ("Semaine du {0} au {1}", "Week from {0} to {1}"),
    "Slot_Core": ("Créneau cœur", "Core slot"),
    "Slot_Evening": ("Soirée", "Evening"),
    "Slot_Night": ("Nuit", "Night"),
    "Slot_Weekend": ("Week-end ou jour férié", "Weekend or public holiday"),
    "AppName": ("Portail régional", "Regional portal"),
    "Admin_Settings": ("Paramètres", "Settings"),
    "Admin_Users": ("Utilisateurs et rôles", "Users and roles"),
    "Assignment_AllDay": ("Journée", "All day"),
    "Assignment_Date": ("Date", "Date"),
    "Assignment_Hours": ("Horaires", "Hours"),
    "Assignment_Kind": ("Type", "Kind"),
    "Assignment_Shift": ("Vacation", "Shift"),
    "Assignment_Training": ("Formation", "Training"),
    "Assignment_What": ("Objet", "What"),
    "Channel_Voice": ("Téléphone", "Voice"),
    "Channel_Chat": ("Chat", "Chat"),
    "Channel_Email": ("Courriel", "Email"),
    "ChangePassword_Confirm": ("Confirmer le nouveau mot de passe", "Confirm the new password"),
    "ChangePassword_Current": ("Mot de passe actuel", "Current password"),
    "ChangePassword_Done": ("Votre mot de passe a été changé.", "Your password has been changed."),
    "ChangePassword_Failed": ("Le mot de passe n'a pas pu être changé.", "The password could not be changed."),
    "ChangePassword_Mismatch": ("Les deux saisies du nouveau mot de passe diffèrent.", "The two entries of the new password differ."),
    "ChangePassword_New": ("Nouveau mot de passe", "New password"),
    "ChangePassword_Submit": ("Changer le mot de passe", "Change password"),
    "ChangePassword_Title": ("Changer de mot de passe", "Change password"),
    "ChangePassword_WrongCurrent": ("Le mot de passe actuel est incorrect.", "The current password is wrong."),
    "Coming_Text": ("{0}\u00a0: cette fonction arrive dans une prochaine version du portail.", "{0}: this capability comes in a coming version of the portal."),
    "Course_Title": ("Formation", "Course"),
    "Culture_Label": ("Langue", "Language"),
    "Dashboard_Advisors": ("Conseillers actifs", "Active advisors"),
    "Dashboard_Completed": ("Terminé", "Completed"),
    "Dashboard_CompletionByCourse": ("Formations requises par région et par cours", "Required training by region and course"),
    "Dashboard_CompletionByRegion": ("Formations requises par région", "Required training by region"),
    "Dashboard_CompletionDetail": ("{0:N0} sur {1:N0}\u00a0; {2:N0} de plus inscrits", "{0:N0} of {1:N0}; {2:N0} more enrolled"),
    "Dashboard_CompletionRate": ("Taux", "Rate"),
    "Dashboard_CoverageGaps": ("Écarts de couverture des prochains jours", "Coverage gaps of the coming days"),
    "Dashboard_InHouseSites": ("Plateaux internes", "In-house sites"),
    "Dashboard_NextAssignments": ("Mes prochaines activités", "My next assignments"),
    "Dashboard_NoProfile": ("Votre compte n'est rattaché à aucune région ni fiche conseiller : contactez l'administration nationale.", "Your account is linked to no region or advisor record: contact the national administration."),
    "Dashboard_NothingPlanned": ("Rien de planifié dans les deux prochaines semaines.", "Nothing planned in the next two weeks."),
    "Dashboard_Planned": ("Planifié", "Planned"),
    "Dashboard_Readiness": ("Critères de bascule", "Readiness gates"),
    "Dashboard_RegionTable": ("Régions", "Regions"),
    "Dashboard_Regions": ("Régions", "Regions"),
    "Dashboard_RequiredTraining": ("Formations requises terminées", "Required training completed"),
    "Dashboard_RequiredTrainingShort": ("Formation requise", "Required training"),
    "Dashboard_ShiftsNextWeek": ("{0:N0} vacations planifiées sur 7 jours", "{0:N0} shifts planned over 7 days"),
    "Dashboard_Sites": ("Sites", "Sites"),
    "Dashboard_SitesDetail": ("{0:N0} internes, {1:N0} sous-traités, {2:N0} offshore", "{0:N0} in-house, {1:N0} subcontracted, {2:N0} offshore"),
    "Dashboard_Switched": ("Régions basculées", "Regions switched"),
    "Dashboard_UpcomingSessions": ("Sessions dans les 3 semaines", "Sessions in the next 3 weeks"),
    "Error_RequestId": ("Référence de la requête : {0}", "Request reference: {0}"),
    "Error_Text": ("Une erreur est survenue. Réessayez ; si elle persiste, transmettez la référence ci-dessous.", "An error occurred. Try again; if it persists, pass on the reference below."),
    "Error_Title": ("Erreur", "Error"),
    "Lockout_Text": ("Ce compte est verrouillé après plusieurs échecs de connexion. Réessayez dans 5 minutes.", "This account is locked after several failed logins. Try again in 5 minutes."),
    "Lockout_Title": ("Compte verrouillé", "Account locked"),
    "Login_Email": ("Adresse électronique", "Email address"),
    "Login_Invalid": ("Adresse ou mot de passe incorrect.", "Wrong email address or password."),
    "Login_Password": ("Mot de passe", "Password"),
    "Login_RememberMe": ("Rester connecté", "Keep me signed in"),
    "Login_Required": ("Saisissez votre adresse et votre mot de passe.", "Enter your email address and password."),
    "Login_Submit": ("Se connecter", "Log in"),
    "Login_Title": ("Connexion", "Log in"),
    "Logout": ("Se déconnecter", "Log out"),
    "Nav_Administration": ("Administration", "Administration"),
    "Nav_Advisors": ("Conseillers", "Advisors"),
    "Nav_Assignments": ("Planning", "Assignments"),
    "Nav_Audit": ("Journal d'audit", "Audit log"),
    "Nav_Coming": ("bientôt", "coming"),
    "Nav_Coverage": ("Couverture", "Coverage"),
    "Nav_Dashboard": ("Tableau de bord", "Dashboard"),
    "Nav_Label": ("Navigation principale", "Main navigation"),
    "Nav_Me": ("Mon planning", "My assignments"),
    "Nav_Rollout": ("Régionalisation", "Rollout"),
    "Nav_Skills": ("Compétences", "Skills"),
    "Nav_Subcontracting": ("Sous-traitance", "Subcontracting"),
    "Nav_Toggle": ("Afficher ou masquer le menu", "Show or hide the menu"),
    "Nav_Training": ("Formation", "Training"),
    "NotFound_Text": ("Cette page n'existe pas.", "This page does not exist."),
    "NotFound_Title": ("Page introuvable", "Page not found"),
    "Password_TooLong": ("Le mot de passe compte au plus 128 caractères.", "The password has at most 128 characters."),
    "Password_TooShort": ("Le mot de passe compte au moins 12 caractères.", "The password has at least 12 characters."),
    "Region_Choose": ("Choisissez une région\u00a0:", "Choose a region:"),
    "Region_Customers": ("Clients", "Customers"),
    "Region_Name": ("Région", "Region"),
    "Region_PlannedOn": ("Bascule prévue le {0}", "Switch planned on {0}"),
    "Region_PlannedSwitch": ("Bascule", "Switch"),
    "Region_Status": ("Statut", "Status"),
    "Region_SwitchedOn": ("Basculée le {0}", "Switched on {0}"),
    "Region_Wave": ("Vague", "Wave"),
    "Region_WaveOf": ("Vague {0}", "Wave {0}"),
    "RegionStatus_Planned": ("Planifiée", "Planned"),
    "RegionStatus_Preparing": ("En préparation", "Preparing"),
    "RegionStatus_Switched": ("Basculée", "Switched"),
    "Rollout_Readiness": ("Préparation à la bascule", "Switch readiness"),
    "Rollout_Title": ("Calendrier de régionalisation", "Regionalisation timeline"),
    "Theme_Dark": ("Thème sombre", "Dark theme"),
    "Theme_Light": ("Thème clair", "Light theme"),
    "Training_Completion": ("Suivi des formations", "Training completion"),
}

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def write(path, index):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(STRINGS):
            f.write(f'  <data name="{key}" xml:space="preserve"><value>{escape(STRINGS[key][index])}</value></data>\n')
        f.write("</root>\n")

# Messages written by the services (import errors); {0} is the row.
MESSAGES = {
    "Import_Aht": ("Ligne {0} : durée de traitement « {1} » invalide (des secondes, plus de 0).", "Row {0}: handling time '{1}' is not valid (seconds, above 0)."),
    "Import_Ambiguous": ("Ligne {0} : {1} existe deux fois (changement d'heure d'automne) ; précisez +02:00 ou +01:00.", "Row {0}: {1} happens twice (autumn clock change); add +02:00 or +01:00."),
    "Import_Channel": ("Ligne {0} : canal « {1} » inconnu.", "Row {0}: unknown channel '{1}'."),
    "Import_Columns": ("Ligne {0} : {1} colonne(s) au lieu de 5.", "Row {0}: {1} column(s) instead of 5."),
    "Import_Contacts": ("Ligne {0} : nombre de contacts « {1} » invalide (0 ou plus).", "Row {0}: number of contacts '{1}' is not valid (0 or more)."),
    "Import_Delimiter": ("Ligne 1 : les colonnes sont séparées par « {0} » ; le portail attend des points-virgules.", "Row 1: columns are separated by '{0}'; the portal expects semicolons."),
    "Import_Duplicate": ("Ligne {0} : l'intervalle {1} figure déjà ligne {2}.", "Row {0}: interval {1} is already on row {2}."),
    "Import_Empty": ("Le fichier est vide.", "The file is empty."),
    "Import_Encoding": ("Le fichier n'est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 ».", "The file is not UTF-8: save it as 'CSV UTF-8'."),
    "Import_HalfHour": ("Ligne {0} : {1} ne commence pas une demi-heure.", "Row {0}: {1} does not start a half hour."),
    "Import_Header": ("Ligne 1 : en-tête attendu « {0} ».", "Row 1: expected header '{0}'."),
    "Import_NoRows": ("Le fichier n'a que son en-tête.", "The file has its header only."),
    "Import_Offset": ("Ligne {0} : le décalage de {1} ne correspond pas à l'heure de Paris ce jour-là.", "Row {0}: the offset of {1} is not Paris time on that day."),
    "Import_Region": ("Ligne {0} : région « {1} » inconnue ou hors de votre périmètre.", "Row {0}: region '{1}' is unknown or not yours."),
    "Import_Skipped": ("Ligne {0} : {1} n'existe pas (changement d'heure de printemps).", "Row {0}: {1} does not exist (spring clock change)."),
    "Import_Start": ("Ligne {0} : début « {1} » illisible (AAAA-MM-JJ HH:MM).", "Row {0}: start '{1}' cannot be read (YYYY-MM-DD HH:MM)."),
}

def fr_spaces(text):
    # French typography: a no-break space before ; : and inside « ».
    return (text.replace(" ;", "\u00a0;").replace(" :", "\u00a0:").replace("« ", "«\u00a0").replace(" »", "\u00a0»"))

for key, (fr, en) in MESSAGES.items():
    MESSAGES[key] = (fr_spaces(fr), en)

def write_table(table, path, index):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(table):
            f.write(f'  <data name="{key}" xml:space="preserve"><value>{escape(table[key][index])}</value></data>\n')
        f.write("</root>\n")

here = os.path.join(os.path.dirname(__file__), "..", "src", "Portal.Web", "Resources")
write(os.path.join(here, "SharedResource.resx"), 0)
write(os.path.join(here, "SharedResource.en.resx"), 1)
services = os.path.join(os.path.dirname(__file__), "..", "src", "Portal.Services", "Resources")
os.makedirs(services, exist_ok=True)
write_table(MESSAGES, os.path.join(services, "Messages.resx"), 0)
write_table(MESSAGES, os.path.join(services, "Messages.en.resx"), 1)
print(f"{len(STRINGS)} strings and {len(MESSAGES)} service messages written")
