// Which organisation a mail domain belongs to, for comparing senders,
// reply addresses, envelope senders and link hosts. Without the Public
// Suffix List (not installed here) the organisational domain is
// approximated as the registrable part: the last two labels, or three when
// the second-level label is a public registry level such as co.jp, ac.jp,
// lg.jp, tokyo.jp or co.uk (the table in org_domain.cpp). So
// "mail.example.co.jp" and "www.example.co.jp" are one organisation,
// "example.co.jp" and "example.com" are two.
#pragma once

#include <string>
#include <string_view>

namespace ts::ingest::mail {

// Lower-cased organisational domain of `host` (a trailing dot ignored);
// `host` itself when it has too few labels.
std::string OrganisationDomain(std::string_view host);

// The domain part of an address ("a@b.example" -> "b.example"), lower case.
std::string AddressDomain(std::string_view address);

// Mailbox providers where one domain serves unrelated people (gmail.com,
// yahoo.co.jp, outlook.jp, ...): for these, the same domain says nothing
// about the same sender, and addresses must be compared whole.
bool IsSharedMailboxDomain(std::string_view organisation_domain);

// True when two addresses belong to the same sender in the sense used by
// the header findings: equal addresses (case-insensitive), or the same
// organisational domain when that domain is no shared mailbox provider.
bool SameSender(std::string_view a, std::string_view b);

}  // namespace ts::ingest::mail
