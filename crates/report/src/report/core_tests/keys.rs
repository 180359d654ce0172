//! Key problems in words (moved from the core, which has no words).

use crate::model::examples::small_study;
use crate::model::keys::*;
use crate::model::*;
use crate::report::messages::Message;

fn ids(list: &[&str]) -> Vec<MemberId> {
    list.iter().map(|s| MemberId::new(*s)).collect()
}

#[test]
fn a_mix_part_that_weighs_nothing_is_named_not_the_whole_key() {
    let study = small_study();
    // 30 % equal + 70 % fixed weights that only A has: over B and C
    // the equal part still gives weight, the fixed part none.
    let rule = KeyRule::Mix(vec![
        KeyPart {
            weight: 30.0,
            rule: KeyRule::Equal,
        },
        KeyPart {
            weight: 70.0,
            rule: KeyRule::Fixed([(MemberId::new("A"), 1.0)].into()),
        },
    ]);
    assert_eq!(
        shares(&study, &rule, &ids(&["B", "C"])),
        Err(KeyError::MixPartAllZero(2))
    );
    let mut with_key = study.clone();
    with_key.keys[0].rule = rule;
    let key_name = with_key.keys[0].name.clone();
    let key_id = with_key.keys[0].id.clone();
    for s in &mut with_key.scenarios {
        if s.key.as_ref() == Some(&key_id) {
            s.participants = Some(ids(&["B", "C"]));
        }
    }
    let report = crate::model::validate(&with_key);
    let tr = crate::i18n::Tr::new(crate::i18n::Lang::En);
    let texts: Vec<String> = report.issues.iter().map(|i| i.message(&tr)).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("part 2 of the mixed key") && t.contains(&key_name)),
        "{texts:#?}"
    );
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("so shared costs cannot be split")),
        "{texts:#?}"
    );
}
