// Matches become indicators: a YARA match on a sample submission linked to
// an event adds to that event a sha256 indicator with the sample's SHA-256
// and a comment naming the rule, in the write that stores the match.
//
// Only when everyone who may see the event may also see the rule and the
// submission (both at the event's level or wider, and visible to the
// event's provider and submitter organisations); otherwise the match stays
// a tag, seen only by those who may see rule and sample. An indicator the
// event already holds is left as it is. The indicator belongs to the event
// from then on: deleting or changing the rule leaves it in place.
#pragma once

#include <vector>

#include "access/gate.hpp"
#include "model/sample.hpp"

namespace ts::catalog {

// Through the given submissions only (those of an upload: a match must not
// reach an event through another organisation's earlier submission of the
// same bytes, which would tell that event's readers of the upload).
Status AddMatchIndicators(store::WriteTxn& txn, access::Auditor& audit,
                          const std::vector<model::YaraMatch>& matches,
                          const std::vector<model::SampleSubmission>& submissions);
// Through every stored submission of the matched samples (a re-scan).
Status AddMatchIndicators(store::WriteTxn& txn, access::Auditor& audit,
                          const std::vector<model::YaraMatch>& matches);

}  // namespace ts::catalog
