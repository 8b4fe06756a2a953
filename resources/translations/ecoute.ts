<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>À propos d&apos;Écoute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(inconnu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écoute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {0}. Le logiciel des écoutants du point d&apos;écoute de l&apos;association.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Où sont vos données</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base chiffrée : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegardes : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toutes vos données restent sur cet ordinateur, chiffrées (SQLCipher). Écoute n&apos;envoie rien sur Internet : rien ne quitte l&apos;ordinateur, sauf les fichiers que vous enregistrez vous-même (rapports, export anonymisé, brouillons de courriel, sauvegardes) et ce que vous copiez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sans la phrase de passe, personne ne peut lire la base ni ses sauvegardes : si elle est perdue, les données le sont aussi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les polices DejaVu Sans incluses pour les PDF sont libres (licence Bitstream Vera et domaine public pour les changements DejaVu), fournies avec leur licence dans le dossier resources/fonts du logiciel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écoute utilise Qt et PySide6 {0} (LGPL v3), SQLCipher (BSD), ReportLab (BSD) et Python {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Agenda de la semaine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀  Semaine précédente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cette semaine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semaine suivante  ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semaine affichée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semaine précédente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir à cette semaine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semaine suivante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jours de la semaine et leurs rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déplacer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler le rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir la sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créneaux, absences et binôme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter les RDV à venir (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Aucune permanence définie.&lt;/b&gt; Indiquez vos créneaux de la semaine : les rendez-vous se prennent dessus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Définir mes permanences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Définir mes permanences de la semaine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune permanence définie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter les rendez-vous à venir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendez-vous exportés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} rendez-vous à venir enregistrés dans {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaWeekModel</name>
    <message>
        <source> — aujourd&apos;hui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permanence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · hors créneau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Libre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune permanence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adhérent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écoutant(e)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppointmentPanel</name>
    <message>
        <source>Rendez-vous téléphonique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui appelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui appelle qui pour ce rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler le RDV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler le rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation à l&apos;adhérent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préparer la confirmation avec la charte et l&apos;invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Rendez-vous&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui appelle :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun rendez-vous fixé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pas de rendez-vous à fixer à cette étape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rappel prévu le &lt;b&gt;{0}&lt;/b&gt;{1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} appels effectués.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rappel convenu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixer un nouvel appel avec l&apos;adhérent (la sollicitation reste ouverte)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposer un RDV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (hors créneaux, urgence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appel prévu le &lt;b&gt;{0}&lt;/b&gt;{1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appel du &lt;b&gt;{0}&lt;/b&gt;{1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déplacer le RDV…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déplacer le rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rappel convenu : fixer le prochain appel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposer un RDV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — URGENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendez-vous actuel : {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cliquez sur un moment pour le réserver :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cliquez sur un nouveau moment pour y déplacer le rendez-vous :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui appelle ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prochains moments libres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun moment libre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voir les semaines suivantes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgence : fixer hors créneau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date et heure hors créneau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écoutant(e)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixer à ce moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixer hors créneau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler le rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun moment libre d&apos;ici le {day} : ajoutez des créneaux dans l&apos;agenda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendez-vous impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler le rendez-vous du {when} ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder le rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulation impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixez d&apos;abord un rendez-vous pour cette sollicitation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BothEditsLabel</name>
    <message>
        <source>Modifications faites aussi par votre binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date de réception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suivie par</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orientations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fin du rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui appelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifié aussi par {0} le {1} : {2} « {3} » (valeur non retenue)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseActionBar</name>
    <message>
        <source>Actions de la sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écrire une note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aller à la nouvelle note d&apos;appel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Sollicitation {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour à la liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour à la liste (Alt+Gauche)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Délai de 48 heures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sollicitation urgente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — &lt;span style=&apos;color:{0}&apos;&gt;URGENT&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Sollicitation {0} — {1}{2}&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reçue le {0}. Étape actuelle : &lt;b&gt;{1}&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accusé de réception à envoyer avant le {0} : {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Délai de 48 h : {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesImporter</name>
    <message>
        <source>Importer un tableur de sollicitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tableur CSV (*.csv *.txt);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sollicitation importée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sollicitations importées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} déjà présente(s), laissée(s) telle(s) quelle(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import terminé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;import a échoué ; aucune sollicitation n&apos;a été enregistrée.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Sollicitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liste des sollicitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher : nom, collectivité, référence, mot des notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher une sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrer par étape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrer par thème</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrer par urgence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrer par mois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrer par écoutant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nombre de sollicitations affichées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rechercher :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Étape :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thème :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgence :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mois :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écoutant :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer un tableur (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer des sollicitations d&apos;un tableur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprendre les sollicitations du tableur tenu jusqu&apos;ici (fichier CSV).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle sollicitation (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Référence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reçue le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adhérent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collectivité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Étape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thèmes : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgentes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non urgentes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune sollicitation pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sollicitation(s) sur {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chargement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La liste n&apos;a pas pu être chargée.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommitteeOptions</name>
    <message>
        <source>Seulement les mois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limiter la synthèse à une période</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premier mois de la synthèse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernier mois de la synthèse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Période de la synthèse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>de</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>à</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seuil des petits effectifs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aucun masquage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explication du seuil des petits effectifs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer les effectifs inférieurs à</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commentaires de la synthèse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraphe « Commentaires » imprimé à la fin de la synthèse PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Commentaires (facultatif) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Période :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Petits effectifs :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le dernier mois précède le premier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seules les sollicitations reçues pendant ces mois sont comptées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tous les mois couverts par les fichiers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune case n&apos;est masquée : même un effectif de 1 ou 2 apparaît dans le PDF et le CSV, qui portent la mention « Effectifs exacts ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dans tout le PDF et le CSV, un effectif de moins de {n} (zéro compris) s&apos;affiche «&#xa0;{small}&#xa0;», mois par mois, pour qu&apos;on ne puisse pas reconnaître une personne. D&apos;autres cases peuvent s&apos;afficher «&#xa0;{secret}&#xa0;» pour qu&apos;on ne le retrouve pas en soustrayant d&apos;un total, et le total de plusieurs mois devient une fourchette («&#xa0;4 à 8&#xa0;»). Le nombre de sollicitations reste exact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmationDialog</name>
    <message>
        <source>Confirmation du rendez-vous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pièces jointes :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copier le texte et enregistrer les pièces jointes (webmail)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation envoyée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À cliquer une fois le message parti : l&apos;accusé de réception compte alors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État de la confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une fois le message parti, cliquez sur « Confirmation envoyée » : l&apos;accusé de réception compte à ce moment-là.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accusé de réception enregistré le {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation envoyée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrement impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brouillon enregistré : {name}. Vérifiez-le puis envoyez-le.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier où enregistrer les pièces jointes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte copié : collez-le dans votre messagerie dans les 30 secondes (il est ensuite effacé du presse-papiers) et joignez les deux fichiers du dossier {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoordinationView</name>
    <message>
        <source>Coordination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fusion des exports anonymisés. Déposez ici les fichiers d&apos;export reçus des écoutants (glisser-déposer), ou choisissez-les. Un même fichier donné deux fois ne compte qu&apos;une fois ; pour un même écoutant, l&apos;export le plus récent l&apos;emporte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter des fichiers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vider la liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthèse PDF pour le comité…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tableau CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilan annuel (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le bilan d&apos;une page pour le comité, des exports fusionnés ci-dessus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports fusionnés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichiers refusés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun fichier pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résumé de la fusion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écoutants attendus et avertissements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports retenus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthèse pour le comité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprendre des suggestions des adhérents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprendre des suggestions des adhérents dans le commentaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports anonymisés des écoutants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification des fichiers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>même export que « {b} » : compté une fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun export fusionné pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{files} export(s) fusionné(s) : {n} sollicitation(s), {span}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer la synthèse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichier enregistré : {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déposez d&apos;abord des exports : rien n&apos;est fusionné.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilan annuel enregistré : {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préparation du bilan annuel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;opération a échoué.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Période de la synthèse : {span}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Année {year} (janvier à décembre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilan annuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Période du bilan :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions à envisager (facultatif, imprimées en bas du bilan) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer le bilan annuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun export n&apos;a pu être fusionné pour cette période.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineWatcher</name>
    <message>
        <source>Écoute : délai de 48 heures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectoryPanel</name>
    <message>
        <source>Organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niveau national (compte dans les indicateurs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niveau national</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact à lire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adresse ou site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quand orienter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvel organisme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer / remettre en service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indiquez le nom de l&apos;organisme.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DirectoryPopup</name>
    <message>
        <source>Annuaire d&apos;orientation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Orienter vers :&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — national</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orienter vers {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayPanel</name>
    <message>
        <source>Taille du texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taille du texte :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aussi avec Ctrl + et Ctrl − ; le choix est gardé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prévenir 6 h avant l&apos;échéance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une notification du bureau quand un accusé de réception est dû dans 6 h, même quand Écoute est verrouillé ; elle ne donne ni nom ni référence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification du bureau (échéance de 48 heures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Même quand Écoute est verrouillé ; la notification ne donne ni nom ni référence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications :</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyStart</name>
    <message>
        <source>Pour commencer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Aucune sollicitation pour l&apos;instant.&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quand un adhérent écrit, enregistrez sa demande : glissez son courriel (fichier .eml) sur cette fenêtre, ou créez-la à la main. Si vous teniez un tableur, reprenez-le en une fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle sollicitation (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer un tableur (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer des sollicitations d&apos;un tableur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Définir mes permanences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Définir mes permanences de la semaine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <source>Export anonymisé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premier mois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernier mois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonyme d&apos;écoutant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>par exemple : Mésange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le coordinateur verra ce pseudonyme, jamais votre nom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du mois de :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>au mois de :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voir ce qui sera exporté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer l&apos;export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre pseudonyme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État de l&apos;export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sollicitations à compléter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-cliquez (ou Entrée) pour ouvrir la sollicitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrements qui quitteront l&apos;ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne quittent pas cet ordinateur : noms, prénoms, téléphones, courriels, fonctions et collectivités des adhérents, notes d&apos;appel et tout texte libre, dates exactes, références des sollicitations, noms des écoutants. Le fichier ne contient que le mois de réception, des cases à cocher, des nombres et des libellés de listes fermées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce qui n&apos;est pas exporté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sollicitations à compléter avant l&apos;export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exactement ce qui quittera cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrements qui quitteront l&apos;ordinateur, un par ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le dernier mois précède le premier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Préparation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} sollicitation(s) de {span} seront exportées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune sollicitation reçue de {span} : l&apos;export ne contiendrait que la période et votre pseudonyme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sollicitation(s) incomplète(s) affaibliraient les statistiques : complétez-les ou exportez quand même.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer l&apos;export anonymisé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export enregistré : {path} ({n} sollicitation(s), pseudonyme « {p} »).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;export a échoué.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fonction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collectivité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Écoute — première utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant de première utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; Précédent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suivant &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer ma base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les deux saisies ne sont pas identiques.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La phrase de passe choisie est refusée : {0} Revenez à l&apos;étape précédente (« &lt; Précédent ») pour en choisir une autre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impossible de créer la base : {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstStepsPanel</name>
    <message>
        <source>Votre téléphone et votre courriel dans votre profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vos permanences de la semaine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le dossier des sauvegardes (une clé USB ou un disque externe, de préférence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre région, imprimée sur les rapports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre pseudonyme pour l&apos;export anonymisé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compléter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indiquer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Définir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premiers pas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premiers pas : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer cette liste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer la liste des premiers pas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour un écoutant sans binôme ou qui n&apos;exporte pas : la liste ne revient pas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Premiers pas&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À régler une fois ({0} sur {1} faits) ; cette liste disparaîtra ensuite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>à faire</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderPage</name>
    <message>
        <source>Bienvenue dans Écoute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emplacement de la base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir un autre dossier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir un autre dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avertissement sur le dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écoute garde vos sollicitations et vos notes dans une base chiffrée, sur cet ordinateur seulement. Choisissez où la ranger (l&apos;emplacement proposé convient dans la plupart des cas).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention&#xa0;: ce dossier semble synchronisé par {0}. Un logiciel de synchronisation peut copier la base pendant qu&apos;Écoute l&apos;écrit, l&apos;abîmer ou en créer des copies «&#xa0;en conflit&#xa0;». Mieux vaut un dossier qui n&apos;est pas synchronisé, comme celui proposé au départ ; pour garder une copie en lieu sûr, utilisez plutôt les sauvegardes d&apos;Écoute (Paramètres).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier de la base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une base existe déjà à cet endroit : elle ne sera jamais écrasée. Choisissez un autre emplacement ou fermez l&apos;assistant pour l&apos;ouvrir.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuessMark</name>
    <message>
        <source>Deviné dans le courriel : vérifiez le champ, puis appuyez ici pour confirmer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>à vérifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} : à vérifier, appuyer pour confirmer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuessesBanner</name>
    <message>
        <source>Champs à vérifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certains champs ont été devinés dans le courriel (marqués « à vérifier ») : vérifiez-les avant d&apos;enregistrer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tout est vérifié</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tous les champs devinés sont vérifiés</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Guide rapide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandlerChoice</name>
    <message>
        <source>Écoutant(e) qui suit la sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suivie par :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(personne)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFormatDialog</name>
    <message>
        <source>une date : JJ/MM/AAAA, JJ/MM/AAAA HH:MM ou AAAA-MM-JJTHH:MM (heure de Paris)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AAAA-L-NNN, par exemple 2025-A-042 ; vide : numéro attribué</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>obligatoire ; {dates}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>obligatoire ; le nom de l&apos;adhérent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>le prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>la fonction (par exemple « Directeur des services techniques »)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>la collectivité employeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>le numéro de téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>l&apos;adresse électronique (avec un @)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oui ou non (aussi o/n, 1/0, vrai/faux, x) ; vide : non</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>les thèmes séparés par | , chacun « Thème » ou « Thème/Sous-thème », par exemple Carrière/Mobilité|Juridique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>les orientations de l&apos;annuaire séparées par | </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{dates} ; devient le rendez-vous (45 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reçue, accusée, rdv fixé, appel effectué, clôturée ou sans suite (par exemple « sans suite (injoignable) ») ; vide : déduit des dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>le texte devient la première note d&apos;appel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format attendu du tableur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colonnes attendues et formats acceptés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer un modèle vide…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer un modèle vide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un fichier CSV qui ne contient que la ligne des titres, à compléter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colonnes du tableur à importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> et </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La première ligne du fichier nomme les colonnes, par exemple :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seules les colonnes {0} sont obligatoires ; les autres peuvent manquer ou rester vides, et leur ordre est libre. Les majuscules et les accents des titres ne comptent pas (« Prénom » vaut « prenom »).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Séparateur point-virgule ( ; ) ou virgule ( , ). Encodage UTF-8 (avec ou sans BOM) ou Windows-1252 : un « Enregistrer sous… CSV » de votre tableur convient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tout ou rien : une seule ligne en erreur et aucune sollicitation n&apos;est importée. Une sollicitation dont la référence est déjà dans la base est laissée telle quelle : vous pouvez importer le même fichier deux fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer un modèle de tableur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tableur CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modèle non enregistré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier « {0} » n&apos;a pas pu être écrit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Aucune sollicitation n&apos;est importée tant qu&apos;une ligne est en erreur : corrigez le fichier puis recommencez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colonne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer un tableur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichier : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichier à importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résumé de l&apos;import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Règle de l&apos;import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État de l&apos;import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format attendu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format attendu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer les sollicitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lignes en erreur : ligne, colonne et raison de chaque problème</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sollicitation sera importée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sollicitations seront importées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} est déjà dans la base (même référence) : elle reste telle quelle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sont déjà dans la base (même référence) : elles restent telles quelles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il n&apos;y a rien de nouveau à importer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ligne du fichier est en erreur ({1} problème(s) listé(s) ci-dessous).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} lignes du fichier sont en erreur ({1} problèmes listés ci-dessous).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sollicitation est déjà dans la base (même référence).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sollicitations sont déjà dans la base (même référence).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import en cours…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeepOneDialog</name>
    <message>
        <source>Une demande prise deux fois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La même demande a été prise sur les deux ordinateurs : {0} et {1}. Gardez celle qui est suivie ; l&apos;autre sera classée sans suite comme doublon. Rien n&apos;est effacé : elle reste consultable, et votre binôme la verra classée au prochain échange.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sollicitation à garder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} est déjà « {1} » : c&apos;est elle qu&apos;il faut garder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classer le doublon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder la sollicitation choisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder {0} (étape : {1} ; reçue le {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — conseillé</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Écoute — verrouillée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écoute est verrouillée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Écoute est verrouillée&lt;/h2&gt;&lt;p&gt;Vos notes sont à l&apos;abri. Saisissez votre phrase de passe pour reprendre là où vous en étiez.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déverrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déverrouiller Écoute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quitter Écoute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe incorrecte. Réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailboxLine</name>
    <message>
        <source>Boîte aux lettres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relever la boîte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boîte aux lettres : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boîte aux lettres : pas encore relevée depuis l&apos;ouverture d&apos;Écoute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boîte aux lettres : aucun message en attente (relevée à {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boîte aux lettres : {0} message(s) en attente depuis le {1} (relevée à {2}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailboxPickupDialog</name>
    <message>
        <source>Expéditeur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivé le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adhérent suggéré</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relever la boîte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État de la relève</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages en attente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer la sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce n&apos;est pas une demande</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relever à nouveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paramètres › Messagerie…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relève de la boîte en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La relève a échoué ; rien n&apos;a changé. Réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun nouveau message dans la boîte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 message attend une réponse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} messages attendent une réponse.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailboxSettingsPanel</name>
    <message>
        <source>Serveur IMAP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imap.exemple.fr, ou 127.0.0.1 pour Bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sécurité de la connexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant de la boîte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe de la boîte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier relevé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marquer comme lu une fois pris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marquer comme lu sur le serveur un message pris en sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marquer comme lu sur le serveur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jamais</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relève automatique (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificat du serveur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État de la messagerie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serveur :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sécurité :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiant :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relève automatique :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificat :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer les réglages de la messagerie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tester la connexion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tester la connexion à la boîte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe est gardé dans la base chiffrée d&apos;Écoute. Rien n&apos;est effacé ni déplacé sur le serveur. Sans réseau, le dépôt d&apos;un fichier .eml reste possible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approuvé, empreinte SHA-256 {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>celui que reconnaît le système</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réglages de la messagerie enregistrés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connexion à la boîte…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connexion réussie : {0} message(s) en attente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La connexion a échoué ; rien n&apos;a changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le certificat du serveur a changé. Approuvez le nouveau seulement si vous savez pourquoi (Proton Mail Bridge réinstallé, par exemple) et si son empreinte est bien celle que Bridge affiche :

{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le système ne reconnaît pas le certificat de ce serveur (c&apos;est normal avec Proton Mail Bridge). Comparez son empreinte SHA-256 avec celle que Bridge affiche avant de l&apos;approuver :

{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approuver ce certificat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificat approuvé. Testez à nouveau la connexion.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Écoute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fenêtre principale d&apos;Écoute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contenu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barre d&apos;actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rechercher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taille du &amp;texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agrandir le texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réduire le texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sollicitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir un courriel (.eml)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relever la boîte…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer un tableur (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ller à</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide rapide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À propos d&apos;Écoute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le courriel « {0} » est refusé : {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courriel illisible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier « {0} » ne peut pas être lu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir des courriels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courriels (*.eml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sollicitation(s) — base : {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Lecture du questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau formulaire : vérifiez comment chaque colonne sera lue. Ce choix sera retenu pour les prochains téléchargements de ce formulaire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(sans titre)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formulaire : {0}
Fichier lu comme : {1}, {2} ligne(s) d&apos;en-tête.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lecture de la colonne « {0} »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Résultat de la vérification du fichier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… et {0} autre(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier ne peut pas être importé ainsi :
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} réponse(s) à enregistrer, dont {1} rattachée(s) à une sollicitation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>Enregistrer les coordonnées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer les coordonnées de l&apos;adhérent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Adhérent&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom manquant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le nom ne peut pas être vide.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDraftDialog</name>
    <message>
        <source>Texte du message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer le brouillon pour ma messagerie (.eml)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier les modèles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (adresse inconnue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer le brouillon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message (*.eml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrement impossible</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthPicker</name>
    <message>
        <source>%s : mois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s : année</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>Nouvelle sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reçue le (heure de Paris)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demande urgente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reçue le :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Téléphone :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courriel :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Première note (texte du courriel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Première note :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adhérent déjà connu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coller un courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coller le texte d&apos;un courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir un fichier .eml…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir un fichier de courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer la sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déposez ici le courriel de l&apos;adhérent (fichier .eml) ou collez son texte : le formulaire se remplit, et tout reste modifiable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce courriel a déjà été enregistré : sollicitation &lt;a href=&apos;{0}&apos;&gt;{1}&lt;/a&gt;. Rien ne sera créé une seconde fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier « {0} » ne peut pas être lu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courriel refusé : {0}{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courriels (*.eml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sollicitation commencée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une sollicitation commencée le {0} n&apos;a pas été enregistrée (Écoute s&apos;est verrouillée pendant la saisie).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprendre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprendre la sollicitation commencée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandonner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandonner la sollicitation commencée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adhérent déjà connu : même téléphone ou courriel que {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indiquez au moins le nom de l&apos;adhérent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérifiez les champs devinés dans le courriel ({0}) : corrigez-les ou appuyez sur « à vérifier » pour les confirmer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>Phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe, à nouveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher la phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposer une phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposer une phrase tirée au hasard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiche de secours (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer la fiche de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solidité de la phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avis sur la phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe affichée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiche de secours : à imprimer et garder chez vous. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avertissement sur la fiche de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solidité :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les deux saisies ne sont pas identiques.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiche de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiche enregistrée dans « {0} ». {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteCard</name>
    <message>
        <source>Note du {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (modifiée le {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier la note du {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Aucune note pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte de la note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tapez ici ce qui a été dit. Le texte est gardé au fur et à mesure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer la note (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer la note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandonner la modification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État du brouillon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle note d&apos;appel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Notes d&apos;appel&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Nouvelle note&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Modification de la note du {0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brouillon retrouvé : relisez-le puis enregistrez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisie en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brouillon gardé à {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La note est vide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note enregistrée.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrientationPanel</name>
    <message>
        <source>Orienter vers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir l&apos;annuaire d&apos;orientation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordonnées à lire à l&apos;adhérent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler cette orientation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler l&apos;orientation qui vient d&apos;être enregistrée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orientations enregistrées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Orientation&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (national)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déjà orienté :&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune orientation pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orientation enregistrée. À lire à l&apos;adhérent :&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairExchange</name>
    <message>
        <source>Échanger avec mon binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lier d&apos;abord votre base à celle de votre binôme (Paramètres › Binôme)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun échange encore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernier échange : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — dernier échange avec votre binôme : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Échange avec mon binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre base n&apos;est liée à aucun binôme : Paramètres › Binôme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichiers de binôme (*{0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichier reçu de mon binôme (ou Annuler)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichier à envoyer à mon binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichier écrit : {0}. Envoyez-le à votre binôme.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairPanel</name>
    <message>
        <source>État du binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lier ma base à celle de mon binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer une phrase du binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pour le premier des deux : neuf mots à lire à votre binôme au téléphone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase du binôme à lire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>les neuf mots lus par votre binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase du binôme reçue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lier avec cette phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Délier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Délier ma base de celle de mon binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message du binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ou tapez la phrase que votre binôme vous a lue :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier d&apos;échange (facultatif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun : les fichiers passent à la main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier d&apos;échange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir le dossier d&apos;échange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne plus utiliser de dossier d&apos;échange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un dossier que vous partagez déjà tous les deux (Nextcloud, disque partagé…) : Écoute y écrit votre fichier au verrouillage et en quittant, et lit celui de votre binôme au déverrouillage. Les fichiers sont chiffrés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre base n&apos;est liée à aucun binôme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base liée à votre binôme ; aucun échange encore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base liée à votre binôme {0} ; dernier échange le {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle phrase du binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre base est déjà liée. Une nouvelle phrase remplace l&apos;ancienne : votre binôme devra la taper à son tour. Continuer ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Lisez ces neuf mots à votre binôme, qui les tape dans sa propre base (le dernier sert de contrôle) :&lt;/p&gt;&lt;p&gt;&lt;b&gt;{0}&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre base est liée. La phrase ne sera plus affichée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre base est liée à celle de votre binôme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les fichiers de votre binôme ne seront plus acceptés, et les vôtres ne seront plus écrits. Les sollicitations déjà reçues restent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre base n&apos;est plus liée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier d&apos;échange avec mon binôme</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Changer la phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe actuelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouvelle phrase de passe (encore)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe actuelle :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Nouvelle phrase de passe&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les deux nouvelles phrases de passe diffèrent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La phrase de passe actuelle est incorrecte.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseEntry</name>
    <message>
        <source>Phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phrase de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message d&apos;erreur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez votre phrase de passe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Votre phrase de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elle chiffre toute la base. Sans elle, personne, pas même l&apos;association, ne peut relire vos notes : si vous l&apos;oubliez, elles sont perdues. Le plus sûr : « Proposer une phrase », des mots tirés au hasard pour vous seul ; tirez-en une autre tant qu&apos;elle ne vous plaît pas, puis enregistrez la fiche de secours pour l&apos;imprimer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>Mon profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer les profils</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer les coordonnées de mon binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre nom est nécessaire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre nom est nécessaire (rubrique « Profil »).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profils enregistrés.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyMenu</name>
    <message>
        <source>Données personnelles ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Données personnelles de l&apos;adhérent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Droit d&apos;accès et droit à l&apos;effacement (RGPD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Données personnelles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter tout ce qui concerne cet adhérent (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effacer les données de cet adhérent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporter les données de l&apos;adhérent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le PDF n&apos;a pas pu être écrit dans « {0} » ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Données exportées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le PDF « {0} » contient tout ce qu&apos;Écoute conserve sur cet adhérent ({1} sollicitation(s)). Il n&apos;est pas chiffré : remettez-le à l&apos;adhérent, puis supprimez-le de l&apos;ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effacer définitivement les données de {0} ?

Sollicitation(s) concernée(s) (même téléphone ou courriel) : {1}.

Effacés : nom, prénom, fonction, collectivité, téléphone, courriel, notes d&apos;appel, brouillons et commentaires de l&apos;historique.
Gardés, sans rien qui identifie l&apos;adhérent : référence, dates, étapes, thématiques et orientations ; les statistiques anonymes ne changent pas.

C&apos;est irréversible. Les sauvegardes déjà faites gardent ces données jusqu&apos;à leur remplacement par de plus récentes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cet adhérent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effacer les données de cet adhérent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Données effacées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les données personnelles de {0} sollicitation(s) ont été effacées. Les statistiques anonymes sont conservées.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Qui êtes-vous ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Téléphone que les adhérents appelleront</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adresse électronique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ces coordonnées figurent dans les confirmations de rendez-vous envoyées aux adhérents. Vous pourrez les modifier dans Paramètres.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Détails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher les détails…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher les détails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer les détails…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <source>Envoyer le questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copier le texte (webmail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire envoyé : clôturer la sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État du questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une fois le message parti, cliquez sur « Questionnaire envoyé ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier où enregistrer les fiches à joindre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrement impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte copié : collez-le dans votre messagerie dans les 30 secondes (il est ensuite effacé du presse-papiers) et joignez les fiches du dossier {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brouillon enregistré : {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pièces jointes :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte copié : collez-le dans votre messagerie dans les 30 secondes (il est ensuite effacé du presse-papiers).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferentielEditor</name>
    <message>
        <source>Modifier le référentiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parties du référentiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiches pratiques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La charte, le message de confirmation et l&apos;adresse du questionnaire de ce poste partent aussi avec le référentiel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modèles des messages et de la charte…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferentielImport</name>
    <message>
        <source>Référentiel signé par une autre clé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si la coordination vous a lu les six mots de sa nouvelle clé, tapez-les ici ; sinon, annulez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer le référentiel de la coordination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Référentiel Écoute (*{suffix})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Référentiel refusé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Référentiel installé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Référentiel version {number} installé.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferentielPanel</name>
    <message>
        <source>Référentiel partagé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer un référentiel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier le référentiel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publier la version suivante…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écoutants : importez le fichier reçu de la coordination ; les changements s&apos;affichent avant d&apos;être appliqués. Coordination : modifiez les thèmes, l&apos;annuaire et les fiches, puis publiez un fichier signé à envoyer à tous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun référentiel installé : thèmes et annuaire propres à ce poste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {number} du {day} installée ; clé : {words}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publier le référentiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Référentiel Écoute (*{suffix})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publication impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Référentiel publié</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {number} publiée : {path}.
Clé de la coordination : {words}.
Envoyez ce fichier aux écoutants ; à leur première importation, ils vérifieront ces mots avec vous.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferentielPreviewDialog</name>
    <message>
        <source>Importer le référentiel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les sollicitations déjà classées gardent leurs thèmes : un thème renommé s&apos;affiche sous son nouveau nom, un thème retiré reste dans leur historique. Les thèmes et organismes que vous avez ajoutés restent, marqués « local ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appliquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appliquer les changements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler sans rien changer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signé par la clé de votre coordination ({words}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportingPanel</name>
    <message>
        <source>Région imprimée sur les rapports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapports, export anonymisé et références</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(non choisie)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonyme d&apos;écoutant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>par exemple : Mésange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le coordinateur verra ce pseudonyme, jamais votre nom : lettres, chiffres, espaces et tirets, sans numéro de téléphone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lettre de vos références</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lettre des références :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La région figure en tête des rapports ; le pseudonyme signe l&apos;export anonymisé à la place de votre nom. La lettre distingue vos sollicitations de celles de votre binôme (2026-A-014, 2026-B-003) : choisissez-en chacun une différente. Par défaut, A va à celui des deux dont le nom vient en premier dans l&apos;alphabet, B à l&apos;autre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer la région, le pseudonyme et la lettre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Région :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonyme :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Rapports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport mensuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthèse d&apos;une période (comité)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilan annuel sur une page (comité)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mois du rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premier mois de la période</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernier mois de la période</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer les petits effectifs (pour le comité)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comme la synthèse du coordinateur : tout effectif de moins du seuil choisi en Coordination est masqué mois par mois. Décochez pour vos chiffres exacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commentaires du rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraphe « Commentaires » imprimé à la fin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions à envisager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Une action par ligne, par exemple : - Former deux nouveaux écoutants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actions à envisager (imprimées sur le bilan) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Générer l&apos;aperçu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer en PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez un mois ou une période, puis générez l&apos;aperçu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État du rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aperçu du rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport à produire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mois :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du mois de :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>au mois de :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Commentaires (facultatif) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le rapport ne contient que des nombres : aucun nom, téléphone, e-mail, collectivité ni note d&apos;appel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réponses au questionnaire de satisfaction :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer un téléchargement Framaforms…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte délimité (.csv, .tsv) ou Excel (.xlsx) téléchargé depuis Framaforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer les réponses au questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer en PDF ou PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Période incorrecte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le dernier mois de la période précède le premier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Génération du rapport en cours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aperçu : %s (%s page(s)).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le rapport n&apos;a pas pu être produit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le rapport n&apos;a pas pu être produit : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%s page(s) envoyée(s) à l&apos;imprimante.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image PNG 150 dpi, pour une diapositive (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer le rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrement impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier « %s » n&apos;a pas pu être écrit : %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport enregistré : %s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SafetySettings</name>
    <message>
        <source>Sécurité et sauvegardes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier des sauvegardes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir le dossier des sauvegardes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pas encore choisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier des sauvegardes par défaut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegardes conservées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> mois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durée de conservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verrouillage après inactivité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier des sauvegardes :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegardes conservées :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conservation après clôture :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verrouillage après inactivité :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État des sauvegardes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer les réglages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegarder maintenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changer la phrase de passe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Actions&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Par défaut, les sauvegardes vont dans « {0} », à côté de la base. Choisissez de préférence un dossier sur une clé USB ou un disque externe : elles survivront à une panne de l&apos;ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernière sauvegarde : {0}, dans « {1} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune sauvegarde dans ce dossier pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier des sauvegardes enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réglages enregistrés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegarde impossible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegarde écrite et vérifiée : {0}, dans « {1} » ({2} sollicitations).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegarde restaurée : Écoute affiche maintenant son contenu, sans redémarrer. L&apos;ancienne base est gardée sous « {0} ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — close le {1} — {2} note(s) effacée(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

Effacé : nom, prénom, fonction, collectivité, téléphone, courriel, notes et brouillons. Gardé : référence, dates, étapes, thématiques et orientations (statistiques anonymes).

Sollicitations concernées :
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} sollicitation(s) purgée(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe changée. Les anciennes sauvegardes gardent l&apos;ancienne.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SatisfactionImporter</name>
    <message>
        <source>Réponses au questionnaire de satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Téléchargement Framaforms (*.csv *.tsv *.txt *.xlsx);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réponses au questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… et {0} autre(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune réponse n&apos;a été enregistrée. À corriger :
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} réponse(s) enregistrée(s), dont {1} rattachée(s) à une sollicitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;import a échoué ; rien n&apos;a été enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SatisfactionPanel</name>
    <message>
        <source>5 — Très satisfait(e)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 — Satisfait(e)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 — Moyennement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 — Peu satisfait(e)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 — Pas du tout satisfait(e)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copier le lien du questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copier le lien du questionnaire de satisfaction pour cette sollicitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le lien contient le code anonyme du questionnaire, jamais la référence de la sollicitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer le questionnaire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envoyer le questionnaire de satisfaction (message prêt) et clôturer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renseigner le lien du questionnaire…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renseigner le lien du questionnaire de satisfaction (Framaforms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le lien n&apos;est pas encore enregistré : il se renseigne une fois pour toutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code anonyme du questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>À lire à l&apos;adhérent s&apos;il remplit le questionnaire sans le lien.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction (réponse au questionnaire)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non renseignée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code du questionnaire : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lien copié ✓</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Paramètres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubriques des paramètres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thèmes et sous-thèmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuaire d&apos;orientation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon profil, région et pseudonyme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon binôme : coordonnées, liaison et échange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modèles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modèles des messages et de la charte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affichage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taille du texte et notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sécurité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sécurité et sauvegardes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messagerie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boîte aux lettres de la ligne</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetChoices</name>
    <message>
        <source>Joindre la fiche « {title} »</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetsPanel</name>
    <message>
        <source>Fiches pratiques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter une fiche (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer la fiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter une fiche pratique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiche pratique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titre :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiche refusée</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez une fiche.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlotsDialog</name>
    <message>
        <source>Créneaux, absences et binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créneaux de la semaine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durée des appels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écoutant(e)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tout le binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Début</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valable à partir du</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jusqu&apos;au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valable jusqu&apos;au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter ce créneau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer le créneau choisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Écoutant(e) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jour :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>de</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>à</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horaire :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>du</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valable :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valable seulement jusqu&apos;à une date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Au</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Premier jour d&apos;absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernier jour d&apos;absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motif de l&apos;absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>congés, formation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter cette absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer l&apos;absence choisie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Au (inclus) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motif :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durée d&apos;un appel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause entre deux appels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pas de limite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nombre maximal d&apos;appels par jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer la durée des appels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durée d&apos;un appel :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause entre deux appels :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appels par jour au plus :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Courriel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer le binôme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créneau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrez d&apos;abord le binôme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indiquez au moins votre nom.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>Suggestions des adhérents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions, les plus récentes d&apos;abord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Réponses libres au questionnaire, les plus récentes d&apos;abord. Cochez celles à reprendre (Espace), reprenez-les ci-dessous, retirez tout ce qui permettrait de reconnaître quelqu&apos;un, puis ajoutez le texte au commentaire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune suggestion n&apos;a encore été importée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprendre les suggestions cochées</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte à ajouter au commentaire (modifiable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Texte à ajouter (modifiable) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter au commentaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaxonomyPanel</name>
    <message>
        <source>Thème</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thèmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter un thème…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter un sous-thème…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renommer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déplacer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retirer / remettre en service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importer le référentiel de la coordination…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un thème retiré n&apos;est plus proposé pour les nouvelles sollicitations ; celles déjà classées le gardent, et les statistiques passées ne changent pas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Libellé :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau thème</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sous-thème</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord un thème.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau sous-thème</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déplacer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord un sous-thème.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranger « {name} » sous le thème :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déplacer le sous-thème</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renommer le thème</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Objet du message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte du message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lien du questionnaire de satisfaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rappel du questionnaire non envoyé (nombre de jours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte de la charte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Champs :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modèles des messages et de la charte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le code anonyme de la sollicitation est ajouté au lien (?code=K7Q2), jamais sa référence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objet du message du questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte du message du questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> jour(s) après l&apos;appel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lien :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rappel :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Première ligne : titre. « ## » : intertitre. « - » : puce. Ligne vide : nouveau paragraphe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message de confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charte de confidentialité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rétablir les textes d&apos;origine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modèle incorrect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatesPanel</name>
    <message>
        <source>Les messages préparés pour l&apos;adhérent (confirmation du rendez-vous, questionnaire de satisfaction et son lien) et la charte de confidentialité jointe à la confirmation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier les modèles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier les modèles des messages et de la charte</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThemeTags</name>
    <message>
        <source>&lt;h3&gt;Thèmes&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thème {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Aujourd&apos;hui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demandes à accuser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendez-vous à venir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaires à envoyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tableau de bord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Échéance 48 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reçue le {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Référence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adhérent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collectivité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reçue le</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suivie par</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aujourd&apos;hui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qui appelle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (il y a {1} jours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dernier appel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nous sommes le {0} {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Demandes à accuser réception : {0}&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{0} en retard&lt;/b&gt;, &lt;b&gt;{1} à accuser dans les 12 heures&lt;/b&gt;, {2} urgente(s).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Aucune demande en attente.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Dont {0} suivie(s) par votre binôme {1}.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Rendez-vous aujourd&apos;hui et les 7 prochains jours : {0}&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Aucun rendez-vous prévu.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{0} appel(s) effectué(s) il y a {1} jours ou plus sans questionnaire envoyé.&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Appels effectués, questionnaire à envoyer : {0}&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Tous les questionnaires sont partis.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TwiceTakenLine</name>
    <message>
        <source>Demandes prises deux fois</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La même demande a été prise sur les deux ordinateurs : {0} et {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Garder l&apos;une des deux…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir laquelle garder : {0} ou {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doublon</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Écoute — ouverture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouverture de la base Écoute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Bienvenue&lt;/h2&gt;&lt;p&gt;Vos notes sont chiffrées. Saisissez votre phrase de passe pour les ouvrir.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Base de démonstration&lt;/b&gt; : ses sollicitations sont fictives et sa phrase de passe, « {0} », est publique. N&apos;y enregistrez rien de vrai.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base de démonstration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir la base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quitter Écoute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer cette sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer la dernière sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir une autre sauvegarde…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir une autre sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe incorrecte. Vérifiez la touche Verr. Maj. et réessayez : votre base n&apos;a pas été modifiée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La base « {0} » est endommagée (contrôle d&apos;intégrité) ; elle n&apos;a pas été modifiée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Dernière sauvegarde : celle du {0}, dans « {1} ». Restaurez-la : le fichier endommagé sera gardé à côté.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Aucune sauvegarde à côté de la base : choisissez-en une.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir la sauvegarde à restaurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegardes Écoute (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez d&apos;abord votre phrase de passe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkflowPanel</name>
    <message>
        <source>Motif du classement sans suite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classer sans suite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classer la sollicitation sans suite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Étape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Par</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historique des étapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motif :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Suivi&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Étape suivante : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sollicitation {0}{1} le {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historique des étapes :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune étape franchie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classer la sollicitation {0} sans suite (motif : {1}) ?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_TextDialog</name>
    <message>
        <source>Fermer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>leftovers</name>
    <message>
        <source>Opération interrompue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Aucune base n&apos;est à l&apos;emplacement « {1} ». Remettre « {2} » à sa place ? (Sinon, l&apos;assistant de création d&apos;une nouvelle base s&apos;ouvrira ; le fichier gardé reste où il est.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>prompts</name>
    <message>
        <source>Oui</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>restore</name>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>du {0} (dossier « {1} »), {2} sollicitation(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cette sauvegarde ne s&apos;ouvre pas avec cette phrase de passe. Si elle a été faite avant un changement de phrase de passe, restaurez-la avec la commande « ecoute restore » et l&apos;ancienne phrase de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cette sauvegarde est endommagée (contrôle d&apos;intégrité) : rien n&apos;a été changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer la sauvegarde {0} ?

{1} sera mise de côté dans le même dossier (nom se terminant par « avant-restauration-… ») : rien n&apos;est effacé. Ce qui a été saisi après cette sauvegarde n&apos;apparaîtra plus dans Écoute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fichier : {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir la sauvegarde à restaurer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sauvegardes Écoute (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce fichier est la base elle-même.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre phrase de passe actuelle, pour vérifier la sauvegarde :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrase de passe incorrecte : rien n&apos;a été changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La base actuelle ({0} sollicitation(s))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier endommagé</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
