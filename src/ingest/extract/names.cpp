#include "ingest/extract/names.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "ingest/ascii.hpp"

namespace ts::ingest::extract {
namespace {

// Every two-letter country-code TLD in the root zone (ISO 3166-1 alpha-2
// codes that IANA delegated, plus ac, eu, su and uk).
constexpr std::string_view kCountryCodes[] = {
    "ac", "ad", "ae", "af", "ag", "ai", "al", "am", "ao", "aq", "ar", "as", "at", "au", "aw", "ax",
    "az", "ba", "bb", "bd", "be", "bf", "bg", "bh", "bi", "bj", "bm", "bn", "bo", "br", "bs", "bt",
    "bv", "bw", "by", "bz", "ca", "cc", "cd", "cf", "cg", "ch", "ci", "ck", "cl", "cm", "cn", "co",
    "cr", "cu", "cv", "cw", "cx", "cy", "cz", "de", "dj", "dk", "dm", "do", "dz", "ec", "ee", "eg",
    "er", "es", "et", "eu", "fi", "fj", "fk", "fm", "fo", "fr", "ga", "gb", "gd", "ge", "gf", "gg",
    "gh", "gi", "gl", "gm", "gn", "gp", "gq", "gr", "gs", "gt", "gu", "gw", "gy", "hk", "hm", "hn",
    "hr", "ht", "hu", "id", "ie", "il", "im", "in", "io", "iq", "ir", "is", "it", "je", "jm", "jo",
    "jp", "ke", "kg", "kh", "ki", "km", "kn", "kp", "kr", "kw", "ky", "kz", "la", "lb", "lc", "li",
    "lk", "lr", "ls", "lt", "lu", "lv", "ly", "ma", "mc", "md", "me", "mg", "mh", "mk", "ml", "mm",
    "mn", "mo", "mp", "mq", "mr", "ms", "mt", "mu", "mv", "mw", "mx", "my", "mz", "na", "nc", "ne",
    "nf", "ng", "ni", "nl", "no", "np", "nr", "nu", "nz", "om", "pa", "pe", "pf", "pg", "ph", "pk",
    "pl", "pm", "pn", "pr", "ps", "pt", "pw", "py", "qa", "re", "ro", "rs", "ru", "rw", "sa", "sb",
    "sc", "sd", "se", "sg", "sh", "si", "sj", "sk", "sl", "sm", "sn", "so", "sr", "ss", "st", "su",
    "sv", "sx", "sy", "sz", "tc", "td", "tf", "tg", "th", "tj", "tk", "tl", "tm", "tn", "to", "tr",
    "tt", "tv", "tw", "tz", "ua", "ug", "uk", "us", "uy", "uz", "va", "vc", "ve", "vg", "vi", "vn",
    "vu", "wf", "ws", "ye", "yt", "za", "zm", "zw"};

// The original and sponsored generic TLDs, the new generic TLDs that
// phishing and malware infrastructure use most, Japanese city TLDs, and the
// special-use names of documentation and private networks.
constexpr std::string_view kGeneric[] = {
    // original and sponsored
    "com", "net", "org", "info", "biz", "name", "pro", "edu", "gov", "mil", "int", "arpa", "aero",
    "asia", "cat", "coop", "jobs", "mobi", "museum", "post", "tel", "travel", "xxx",
    // new generic, by abuse and registration volume
    "app", "dev", "page", "blog", "shop", "store", "online", "site", "website", "space", "tech",
    "top", "xyz", "club", "live", "life", "world", "today", "news", "cloud", "digital", "email",
    "link", "click", "help", "support", "host", "hosting", "services", "solutions", "network",
    "systems", "center", "company", "business", "agency", "group", "global", "zone", "one", "win",
    "bid", "loan", "men", "date", "download", "review", "stream", "racing", "science", "party",
    "trade", "cricket", "faith", "accountant", "work", "rest", "fit", "buzz", "icu", "cyou", "vip",
    "ltd", "cfd", "sbs", "monster", "bond", "quest", "beauty", "hair", "skin", "makeup", "lol",
    "fun", "guru", "ninja", "expert", "finance", "money", "bank", "insurance", "credit", "capital",
    "cash", "tax", "legal", "law", "health", "care", "clinic", "media", "press", "video", "movie",
    "film", "music", "audio", "photo", "photos", "pics", "gallery", "design", "art", "studio",
    "academy", "education", "school", "university", "institute", "training", "consulting",
    "marketing", "management", "ventures", "holdings", "enterprises", "industries", "engineering",
    "energy", "city", "land", "house", "estate", "properties", "casino", "bet", "poker", "games",
    "game", "chat", "social", "community", "mov", "zip", "red", "blue", "pink", "black", "gdn",
    "mom", "sex", "adult", "best", "wiki", "plus", "ink", "run", "tokyo", "osaka", "nagoya",
    "yokohama", "kyoto", "okinawa", "ryukyu", "jprs", "google", "microsoft", "apple", "amazon",
    "yahoo", "cam", "uno", "kim", "pub", "moe", "bar", "love", "team", "tools", "software",
    "exchange", "direct", "express", "report",
    // special use and documentation
    "example", "test", "invalid", "localhost", "local", "internal", "onion"};

constexpr std::string_view kFileExtensions[] = {
    // executables, libraries, installers
    "exe", "dll", "scr", "cpl", "sys", "drv", "ocx", "msi", "msp", "msix", "appx", "jar", "apk",
    "dmg", "pkg", "deb", "rpm", "elf", "bin", "dylib", "so",
    // scripts
    "bat", "cmd", "ps1", "psm1", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "py", "pl", "sh",
    "php", "asp", "aspx", "jsp", "rb", "lua",
    // shortcuts and containers
    "lnk", "url", "iso", "img", "vhd", "vhdx", "zip", "rar", "7z", "gz", "tgz", "tar", "bz2", "xz",
    "cab", "arj", "lzh", "ace", "one",
    // documents
    "doc", "docx", "docm", "dot", "dotm", "xls", "xlsx", "xlsm", "xlsb", "xlam", "ppt", "pptx",
    "pptm", "pdf", "rtf", "odt", "ods", "chm", "txt", "csv", "log", "ini", "cfg", "xml", "json",
    "html", "htm", "mht", "eml", "msg", "md",
    // media, data, keys
    "svg", "png", "jpg", "jpeg", "gif", "bmp", "ico", "mp3", "mp4", "dat", "tmp", "db", "pem",
    "pfx", "reg", "inf"};

// Well-known product names whose dotted spelling looks like a name.
constexpr std::string_view kProducts[] = {"asp.net",    "vb.net",     "ado.net",     "node.js",
                                          "vue.js",     "next.js",    "nuxt.js",     "react.js",
                                          "angular.js", "express.js", "three.js",    "chart.js",
                                          "d3.js",      "ember.js",   "backbone.js", "socket.io"};

template <std::size_t N>
bool Contains(const std::string_view (&table)[N], std::string_view lowered) {
  return std::find(std::begin(table), std::end(table), lowered) != std::end(table);
}

}  // namespace

bool IsTopLevelDomain(std::string_view label) {
  const std::string lowered = AsciiLowered(label);
  if (lowered.starts_with("xn--")) return lowered.size() > 4;
  if (lowered.size() == 2) return Contains(kCountryCodes, lowered);
  return Contains(kGeneric, lowered);
}

bool IsFileExtension(std::string_view label) {
  return Contains(kFileExtensions, AsciiLowered(label));
}

bool IsProductName(std::string_view dotted_word) {
  return Contains(kProducts, AsciiLowered(dotted_word));
}

}  // namespace ts::ingest::extract
