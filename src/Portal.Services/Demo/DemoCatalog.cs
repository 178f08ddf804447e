namespace Portal.Services.Demo;

/// <summary>
/// The fixed facts of the demo, from the source figures: nine regions in wave order, their customers
/// (Bretagne-Pays de la Loire 1.6 million, about 15.5 million in all), their in-house, subcontracted and
/// offshore sites (98 + 34 + 11 = 143), sample names.
/// </summary>
internal static class DemoCatalog
{
    public sealed record RegionFact(string Code, string Name, int Customers, int InHouseSites, int SubcontractedSites, int OffshoreSites,
        double RequiredTrainingCompleted, double RequiredTrainingPlanned, string[] Cities);

    public const int CustomersPerAdvisor = 1000;

    /// <summary>The largest team of a site; a site's advisors are shared evenly among as few teams as that allows.</summary>
    public const int LargestTeam = 18;

    public static readonly RegionFact[] Regions =
    [
        new("NC", "Normandie-Centre", 1_250_000, 8, 4, 2, 0.92, 0.00,
            ["Caen", "Rouen", "Le Havre", "Orléans", "Tours", "Cherbourg", "Alençon", "Évreux"]),
        new("BPL", "Bretagne-Pays de la Loire", 1_600_000, 10, 4, 2, 0.66, 0.20,
            ["Rennes", "Nantes", "Brest", "Angers", "Le Mans", "Vannes", "Lorient", "Saint-Brieuc", "Laval", "Quimper"]),
        new("IDF", "Île-de-France", 3_200_000, 20, 4, 1, 0.22, 0.06,
            ["Paris", "Saint-Denis", "Nanterre", "Créteil", "Versailles", "Évry", "Cergy", "Montreuil", "Boulogne-Billancourt", "Argenteuil",
             "Vitry-sur-Seine", "Meaux", "Melun", "Massy", "Noisy-le-Grand", "Rueil-Malmaison", "Ivry-sur-Seine", "Aubervilliers", "Colombes", "Courbevoie"]),
        new("NDF", "Nord de France", 1_550_000, 10, 4, 1, 0.12, 0.04,
            ["Lille", "Amiens", "Roubaix", "Tourcoing", "Valenciennes", "Dunkerque", "Arras", "Calais", "Lens", "Douai"]),
        new("EST", "Est", 1_700_000, 11, 4, 1, 0.08, 0.00,
            ["Strasbourg", "Metz", "Nancy", "Reims", "Mulhouse", "Colmar", "Troyes", "Épinal", "Charleville-Mézières", "Thionville", "Besançon"]),
        new("CE", "Centre-Est", 2_000_000, 13, 4, 1, 0.06, 0.00,
            ["Lyon", "Grenoble", "Saint-Étienne", "Dijon", "Clermont-Ferrand", "Annecy", "Chambéry", "Valence", "Villeurbanne", "Bourg-en-Bresse",
             "Chalon-sur-Saône", "Roanne", "Mâcon"]),
        new("MED", "Méditerranée", 1_650_000, 10, 4, 1, 0.05, 0.00,
            ["Marseille", "Nice", "Toulon", "Montpellier", "Avignon", "Aix-en-Provence", "Nîmes", "Perpignan", "Ajaccio", "Cannes"]),
        new("SO", "Sud-Ouest", 1_400_000, 9, 3, 1, 0.04, 0.00,
            ["Bordeaux", "Limoges", "Poitiers", "Pau", "La Rochelle", "Bayonne", "Angoulême", "Périgueux", "Niort"]),
        new("SUD", "Sud", 1_200_000, 7, 3, 1, 0.03, 0.00,
            ["Toulouse", "Montauban", "Albi", "Tarbes", "Carcassonne", "Rodez", "Auch"]),
    ];

    /// <summary>Weeks between planned switches after BPL's: every 6 to 8 weeks.</summary>
    public static readonly int[] WeeksBetweenWaves = [7, 6, 8, 7, 6, 8, 7];

    public static readonly string[] SubcontractorNames =
        ["Atlantis Relation Client", "Proxima Contact", "Horizon Appels", "Vocalia Services", "Cap Dialogue", "Azur Téléservices"];

    public static readonly string[] SubcontractorCities =
        ["Poitiers", "Saint-Quentin", "Châteauroux", "Niort", "Troyes", "Belfort", "Bourges", "Vichy", "Agen", "Béziers", "Guéret", "Nevers"];

    public static readonly (string Name, string City)[] OffshoreSites =
    [
        ("Medina Contact", "Tunis"), ("Atlas Relation", "Rabat"), ("Atlas Relation", "Casablanca"), ("Teranga Services", "Dakar"),
        ("Ocean Call", "Port-Louis"), ("Medina Contact", "Sousse"), ("Atlas Relation", "Fès"), ("Lagune Contact", "Abidjan"),
        ("Medina Contact", "Sfax"), ("Atlas Relation", "Marrakech"), ("Ocean Call", "Ebène"),
    ];

    public static readonly string[] FirstNames =
    [
        "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Laura", "Marie", "Pauline", "Claire", "Anaïs", "Lucie", "Élodie",
        "Mathilde", "Océane", "Justine", "Audrey", "Nadia", "Sophie", "Amandine", "Morgane", "Yasmine", "Céline",
        "Thomas", "Nicolas", "Julien", "Maxime", "Lucas", "Hugo", "Antoine", "Kevin", "Romain", "Alexandre", "Quentin", "Mehdi", "Florian",
        "Guillaume", "Sébastien", "Yann", "Erwan", "Loïc", "Karim", "Mathieu", "Benjamin", "Vincent", "Damien", "Théo", "Gaël",
    ];

    public static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre",
        "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont",
        "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel",
        "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez",
        "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier",
        "Jean", "Perez", "Marchand", "Dufour", "Blanchard", "Le Gall", "Le Goff", "Le Roux", "Kerjean", "Tanguy", "Guillou", "Le Bihan", "Morvan",
    ];

    public static readonly string[] Trainers =
        ["Isabelle Caradec", "Olivier Le Meur", "Nathalie Besnard", "Patrick Hamon", "Sandrine Jégou", "Frédéric Lemoine", "Valérie Poulain", "Hervé Cordier"];
}
