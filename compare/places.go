package compare

// placeZones maps the places news copy names, countries and their large
// cities, to their IANA zones, so that "2 a.m. local time" can be read in
// UTC. From the IANA time zone database's zone1970.tab (one zone per
// country where the country keeps one; the capital's otherwise); a place
// missing here leaves "local time" unresolved, never guessed.
var placeZones = map[string]string{
	"Afghanistan": "Asia/Kabul", "Kabul": "Asia/Kabul",
	"Pakistan": "Asia/Karachi", "Islamabad": "Asia/Karachi", "Karachi": "Asia/Karachi",
	"India": "Asia/Kolkata", "Delhi": "Asia/Kolkata", "Mumbai": "Asia/Kolkata",
	"Iran": "Asia/Tehran", "Tehran": "Asia/Tehran", "Isfahan": "Asia/Tehran", "Tabriz": "Asia/Tehran",
	"Iraq": "Asia/Baghdad", "Baghdad": "Asia/Baghdad", "Erbil": "Asia/Baghdad", "Mosul": "Asia/Baghdad", "Basra": "Asia/Baghdad",
	"Syria": "Asia/Damascus", "Damascus": "Asia/Damascus", "Aleppo": "Asia/Damascus",
	"Lebanon": "Asia/Beirut", "Beirut": "Asia/Beirut",
	"Israel": "Asia/Jerusalem", "Jerusalem": "Asia/Jerusalem", "Gaza": "Asia/Gaza", "Ramallah": "Asia/Hebron",
	"Jordan": "Asia/Amman", "Amman": "Asia/Amman",
	"Saudi": "Asia/Riyadh", "Riyadh": "Asia/Riyadh", "Yemen": "Asia/Aden", "Sanaa": "Asia/Aden",
	"Qatar": "Asia/Qatar", "Doha": "Asia/Qatar", "Dubai": "Asia/Dubai", "Emirates": "Asia/Dubai",
	"Turkey": "Europe/Istanbul", "Istanbul": "Europe/Istanbul", "Ankara": "Europe/Istanbul",
	"Egypt": "Africa/Cairo", "Cairo": "Africa/Cairo",
	"Libya": "Africa/Tripoli", "Tripoli": "Africa/Tripoli",
	"Ukraine": "Europe/Kyiv", "Kyiv": "Europe/Kyiv", "Kiev": "Europe/Kyiv", "Kharkiv": "Europe/Kyiv", "Odesa": "Europe/Kyiv", "Odessa": "Europe/Kyiv",
	"Russia": "Europe/Moscow", "Moscow": "Europe/Moscow",
	"Britain": "Europe/London", "England": "Europe/London", "London": "Europe/London", "Scotland": "Europe/London", "Wales": "Europe/London",
	"Ireland": "Europe/Dublin", "Dublin": "Europe/Dublin",
	"France": "Europe/Paris", "Paris": "Europe/Paris", "Germany": "Europe/Berlin", "Berlin": "Europe/Berlin",
	"Spain": "Europe/Madrid", "Madrid": "Europe/Madrid", "Italy": "Europe/Rome", "Rome": "Europe/Rome",
	"Greece": "Europe/Athens", "Athens": "Europe/Athens", "Poland": "Europe/Warsaw", "Warsaw": "Europe/Warsaw",
	"China": "Asia/Shanghai", "Beijing": "Asia/Shanghai", "Shanghai": "Asia/Shanghai", "Taiwan": "Asia/Taipei", "Taipei": "Asia/Taipei",
	"Japan": "Asia/Tokyo", "Tokyo": "Asia/Tokyo", "Korea": "Asia/Seoul", "Seoul": "Asia/Seoul", "Pyongyang": "Asia/Pyongyang",
	"Philippines": "Asia/Manila", "Manila": "Asia/Manila", "Indonesia": "Asia/Jakarta", "Jakarta": "Asia/Jakarta",
	"Nigeria": "Africa/Lagos", "Lagos": "Africa/Lagos", "Kenya": "Africa/Nairobi", "Nairobi": "Africa/Nairobi",
	"Ethiopia": "Africa/Addis_Ababa", "Somalia": "Africa/Mogadishu", "Mogadishu": "Africa/Mogadishu", "Sudan": "Africa/Khartoum",
	"Mexico": "America/Mexico_City", "Brazil": "America/Sao_Paulo", "Argentina": "America/Argentina/Buenos_Aires",
	"Venezuela": "America/Caracas", "Colombia": "America/Bogota", "Chile": "America/Santiago", "Peru": "America/Lima",
	// Not "Washington" nor "New York": news copy names them for the US
	// government and newspapers far more than as the place of an event.
	"Boston": "America/New_York", "Queens": "America/New_York", "Brooklyn": "America/New_York", "Manhattan": "America/New_York",
	"Chicago": "America/Chicago", "Texas": "America/Chicago", "Houston": "America/Chicago", "Dallas": "America/Chicago",
	"California": "America/Los_Angeles", "Angeles": "America/Los_Angeles", "Francisco": "America/Los_Angeles", "Seattle": "America/Los_Angeles",
	"Alaska": "America/Anchorage", "Hawaii": "Pacific/Honolulu", "Honolulu": "Pacific/Honolulu",
	"Australia": "Australia/Sydney", "Sydney": "Australia/Sydney", "Melbourne": "Australia/Melbourne",
}
