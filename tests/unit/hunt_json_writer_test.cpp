// JsonWriter must write what nlohmann::json::dump writes for the same
// document, compact and indented, since docs/hunt.md shows that layout and
// scripts may compare it; and it must keep every output valid JSON whatever
// bytes a log holds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "hunt/json_writer.hpp"

namespace {

using ts::hunt::JsonWriter;

// The same document through the writer, at `indent`.
std::string Written(int indent) {
  std::string out;
  JsonWriter json(out, indent);
  json.BeginObject();
  json.Key("totals").BeginObject();
  json.Key("files").Number(std::uint64_t{2});
  json.Key("bytes").Number(std::uint64_t{18446744073709551615ULL});
  json.EndObject();
  json.Key("none").BeginArray().EndArray();
  json.Key("empty").BeginObject().EndObject();
  json.Key("list").BeginArray();
  json.BeginObject();
  json.Key("client").StringOrNull("");
  json.Key("agent").String("Mozilla/5.0 \"quoted\" back\\slash\ttab\x01");
  json.Key("name").String("東京 café");
  json.Key("seconds").Number(0.216708986);
  json.EndObject();
  json.String("plain");
  json.Null();
  json.EndArray();
  json.EndObject();
  return out;
}

nlohmann::ordered_json Expected() {
  return nlohmann::ordered_json{{"totals", {{"files", 2}, {"bytes", 18446744073709551615ULL}}},
                                {"none", nlohmann::ordered_json::array()},
                                {"empty", nlohmann::ordered_json::object()},
                                {"list",
                                 {{{"client", nullptr},
                                   {"agent", "Mozilla/5.0 \"quoted\" back\\slash\ttab\x01"},
                                   {"name", "東京 café"},
                                   {"seconds", 0.216708986}},
                                  "plain",
                                  nullptr}}};
}

TEST(JsonWriter, WritesWhatNlohmannDumps) {
  EXPECT_EQ(Written(-1), Expected().dump());
  EXPECT_EQ(Written(2), Expected().dump(2));
  EXPECT_EQ(Written(4), Expected().dump(4));
}

TEST(JsonWriter, InvalidUtf8BecomesReplacementCharacters) {
  std::string out;
  JsonWriter(out, -1).String(
      "a\xff"
      "b\xc3"
      "c\xe6\x9d"
      "\xed\xa0\x80"
      "d");
  // Each byte that starts no valid sequence is one U+FFFD; the rest stays.
  const auto parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed.get<std::string>(),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c\xEF\xBF\xBD\xEF\xBF\xBD"
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
            "d");
}

}  // namespace
