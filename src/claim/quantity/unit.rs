//! Units and currencies, normalized: ISO 4217 codes for money, SI-like symbols for measures.

/// A currency symbol before digits: `$`, `€`, `£`.
pub(crate) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₹' => "INR",
        '₽' => "RUB",
        '₴' => "UAH",
        '₩' => "KRW",
        '₪' => "ILS",
        '₺' => "TRY",
        '₦' => "NGN",
        _ => return None,
    })
}

/// A prefix glued to `$`: `US$`, `A$`, `C$`, `HK$`.
pub(crate) fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "u.s" => "USD",
        "a" | "au" => "AUD",
        "c" | "ca" => "CAD",
        "hk" => "HKD",
        "nz" => "NZD",
        "s" | "sg" => "SGD",
        "r" => "BRL",
        "nt" => "TWD",
        "mx" => "MXN",
        _ => return None,
    })
}

/// A currency code or abbreviation before or after a number: `USD 5m`, `Rs 300`, `500 EUR`.
pub(crate) fn currency_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "rub" => "RUB",
        "uah" => "UAH",
        "inr" | "rs" => "INR",
        "chf" => "CHF",
        "cad" => "CAD",
        "aud" => "AUD",
        "sek" => "SEK",
        "nok" => "NOK",
        "pln" => "PLN",
        "try" => "TRY",
        "zar" => "ZAR",
        "brl" => "BRL",
        "krw" => "KRW",
        "hkd" => "HKD",
        _ => return None,
    })
}

/// A currency word after a number: `50 million dollars`, `300 euros`.
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "sterling" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "hryvnia" | "hryvnias" | "hryvnas" => "UAH",
        "rupee" | "rupees" => "INR",
        "franc" | "francs" => "CHF",
        "shekel" | "shekels" => "ILS",
        "lira" | "liras" => "TRY",
        "naira" => "NGN",
        "rand" => "ZAR",
        "pesos" => "MXN",
        "reais" => "BRL",
        "zloty" | "zlotys" => "PLN",
        _ => return None,
    })
}

/// A measurement unit word or symbol after a number (spaced or glued: `5km`, `5 km`).
pub(crate) fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "percent" | "pct" => "%",
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "mile" | "miles" | "mi" => "mi",
        "metre" | "metres" | "meter" | "meters" => "m",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "foot" | "feet" | "ft" => "ft",
        "inch" | "inches" => "in",
        "yard" | "yards" => "yd",
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilo" | "kilos" => "kg",
        "gram" | "grams" => "g",
        "tonne" | "tonnes" | "ton" | "tons" => "t",
        "lb" | "lbs" => "lb",
        "ounce" | "ounces" | "oz" => "oz",
        "litre" | "litres" | "liter" | "liters" => "l",
        "gallon" | "gallons" => "gal",
        "barrel" | "barrels" | "bpd" => "bbl",
        "hectare" | "hectares" | "ha" => "ha",
        "acre" | "acres" => "acre",
        "mw" | "megawatt" | "megawatts" => "MW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "kw" | "kilowatt" | "kilowatts" => "kW",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "gwh" => "GWh",
        "twh" => "TWh",
        "mph" => "mph",
        "kph" | "kmh" => "km/h",
        "knot" | "knots" => "kn",
        "second" | "seconds" | "sec" | "secs" => "second",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "hour" | "hours" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "year" | "years" | "yrs" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        "degree" | "degrees" => "°",
        "bps" | "basis" => "bp",
        "megaton" | "megatons" => "Mt",
        "kiloton" | "kilotons" => "kt",
        "gb" | "gigabytes" => "GB",
        "times" => "times",
        "tb" | "terabytes" => "TB",
        _ => return None,
    })
}
