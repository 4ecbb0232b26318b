"""The seven districts and boroughs of West Sussex, their band schemes, and real towns.

Coordinates are the towns' centres to three decimals; bands are each council's own scheme,
highest priority first (domain.md, *The districts' registers*).
"""

DISTRICTS = (
    # slug, GSS code, name, bands
    ("adur", "E07000223", "Adur", ("A", "B", "C", "D")),
    ("arun", "E07000224", "Arun", ("A", "B", "C")),
    ("chichester", "E07000225", "Chichester", ("A", "B", "C", "D")),
    ("crawley", "E07000226", "Crawley", ("A+", "A", "B", "C", "D")),
    ("horsham", "E07000227", "Horsham", ("A", "B", "C", "D")),
    ("mid-sussex", "E07000228", "Mid Sussex", ("A", "B", "C", "D")),
    ("worthing", "E07000229", "Worthing", ("A", "B", "C", "D")),
)

PLACES = (
    # name, district (None outside West Sussex), lat, lon
    ("Shoreham-by-Sea", "adur", 50.834, -0.274),
    ("Lancing", "adur", 50.829, -0.323),
    ("Southwick", "adur", 50.835, -0.236),
    ("Bognor Regis", "arun", 50.783, -0.676),
    ("Littlehampton", "arun", 50.811, -0.540),
    ("Arundel", "arun", 50.855, -0.554),
    ("Rustington", "arun", 50.810, -0.505),
    ("Chichester", "chichester", 50.837, -0.780),
    ("Midhurst", "chichester", 50.985, -0.738),
    ("Selsey", "chichester", 50.735, -0.789),
    ("Petworth", "chichester", 50.987, -0.609),
    ("Crawley", "crawley", 51.109, -0.187),
    ("Gatwick Airport", "crawley", 51.153, -0.182),
    ("Horsham", "horsham", 51.063, -0.327),
    ("Billingshurst", "horsham", 51.015, -0.450),
    ("Steyning", "horsham", 50.887, -0.327),
    ("Storrington", "horsham", 50.917, -0.456),
    ("Henfield", "horsham", 50.929, -0.273),
    ("Haywards Heath", "mid-sussex", 51.000, -0.104),
    ("Burgess Hill", "mid-sussex", 50.958, -0.133),
    ("East Grinstead", "mid-sussex", 51.124, -0.007),
    ("Hassocks", "mid-sussex", 50.925, -0.149),
    ("Worthing", "worthing", 50.817, -0.372),
    ("Goring-by-Sea", "worthing", 50.812, -0.428),
    ("Brighton", None, 50.822, -0.137),
    ("Eastbourne", None, 50.768, 0.290),
    ("Portsmouth", None, 50.805, -1.087),
    ("Guildford", None, 51.236, -0.570),
    ("Croydon", None, 51.376, -0.098),
    ("London", None, 51.507, -0.128),
)

# Where local links cluster (domain.md, *Geography*).
COLLEGE_TOWNS = ("Chichester", "Crawley", "Worthing", "Horsham", "Brighton")
UNIVERSITY_TOWNS = ("Chichester", "Bognor Regis")
MAJOR_EMPLOYER = "Gatwick Airport"
HOSPITAL_TOWNS = ("Worthing", "Chichester", "Crawley", "Haywards Heath", "Brighton")
# Supported accommodation sits along the coastal strip near the colleges; a quarter is out of county.
COASTAL_STRIP = ("Worthing", "Bognor Regis", "Littlehampton", "Shoreham-by-Sea", "Lancing", "Chichester")
OUT_OF_COUNTY_SUPPORTED = ("Brighton", "Eastbourne", "Croydon", "London")
# Mid-2021 populations (thousands): where young people's homes are.
DISTRICT_WEIGHT = {
    "adur": 64,
    "arun": 164,
    "chichester": 124,
    "crawley": 118,
    "horsham": 146,
    "mid-sussex": 153,
    "worthing": 111,
}
