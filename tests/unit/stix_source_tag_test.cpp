// The "source:<name>" tag an importing event takes from the identity that
// created its report (exchange/stix/sighting_map.hpp).
#include <gtest/gtest.h>

#include <simdjson.h>

#include "exchange/stix/sighting_map.hpp"

namespace {

std::string TagOf(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::dom::object o;
  EXPECT_EQ(parser.parse(json).get(o), simdjson::SUCCESS);
  return ts::exchange::stix::SourceTagOf(o);
}

TEST(StixSourceTag, NamesTheIdentityTrimmed) {
  EXPECT_EQ(TagOf(R"({"type":"identity","name":"  CERT Alpha\u3000"})"), "source:CERT Alpha");
  EXPECT_EQ(TagOf(R"({"type":"identity","name":"水道セプター"})"), "source:水道セプター");
}

TEST(StixSourceTag, NothingWithoutANamedIdentity) {
  EXPECT_EQ(TagOf(R"({"type":"identity","name":" "})"), "");
  EXPECT_EQ(TagOf(R"({"type":"identity"})"), "");
  EXPECT_EQ(TagOf(R"({"type":"malware","name":"PlugX"})"), "");
}

}  // namespace
