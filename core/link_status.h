// "Is this Instagram account linked to Facebook, and as whom?", read from the
// Accounts Center accounts page (accountscenter.instagram.com/accounts/).
#pragma once
#include "decision.h"
#include "snapshot.h"

namespace crosslink {

// Done {"linked": bool, "facebookName": string} on the accounts page;
// Error wrong_screen elsewhere, not_found when the page shows no account cards.
Decision read_link_status(const Snapshot& snapshot);

}  // namespace crosslink
