// The indicators of an analysed mail worth sharing: sender addresses and
// their domains (From, Reply-To, Return-Path; recipients are victims, not
// indicators), public hop addresses of the Received chain, URLs and their
// domains, attachment and archive-member names and digests, the subject.
// Each is normalised (ingest::Normalize) and listed once; values that do
// not normalise are left out.
#pragma once

#include <vector>

#include "ingest/mail/analysis.hpp"

namespace ts::ingest::mail {

std::vector<MailIndicator> CollectIndicators(const MailAnalysis& analysis);

}  // namespace ts::ingest::mail
