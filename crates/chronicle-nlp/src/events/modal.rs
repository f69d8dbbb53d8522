//! The code an act takes when the text promises it or refuses it: CAMEO codes a cooperative act
//! announced for later as an intent (03x) and a refused one as a rejection (12x).

/// The intent code of a cooperative act announced for later: "will meet" is 036, "would
/// provide humanitarian aid" 0333, "will lift the sanctions" 0354.
pub(super) fn intent_of(code: &str) -> Option<&'static str> {
    Some(match code.get(..3)? {
        "045" => "039",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "081" => "0351",
        "082" => "0352",
        "083" => "034",
        "084" => "0353",
        "085" => "0354",
        "086" => "0355",
        "087" => "0356",
        _ => match code.get(..2)? {
            "04" => "036",
            "05" => "032",
            "06" => "031",
            "07" => "033",
            "08" => "035",
            _ => return None,
        },
    })
}

/// CAMEO codes a refused cooperation as a rejection: "did not accept/meet/sign" → 12x.
pub(super) fn refusal_of(code: &str) -> Option<&'static str> {
    Some(match code.get(..2)? {
        "03" | "05" => "120",
        "04" => "125",
        "06" | "07" => "121",
        "08" => "124",
        _ => return None,
    })
}
