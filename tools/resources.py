#!/usr/bin/env python3
"""Writes Resources/SharedResource.resx (French, neutral) and SharedResource.en.resx from one table,
so that the two languages always have the same keys. Run after editing the table:
    python3 tools/resources.py
"""
from xml.sax.saxutils import escape
import os

STRINGS = {
    # key: (français, English)
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

here = os.path.join(os.path.dirname(__file__), "..", "src", "Portal.Web", "Resources")
write(os.path.join(here, "SharedResource.resx"), 0)
write(os.path.join(here, "SharedResource.en.resx"), 1)
print(f"{len(STRINGS)} strings written")
