// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "profiles/profile.h"

class QSettings;

namespace Specula::Profiles {

// One profile as keys of the settings' current group or array entry. Every value is plain text,
// so the file stays readable and editable by hand.

// Fails with a message naming the key and the value that cannot be used.
Core::Result<Profile> readProfile(const QSettings &settings);
// Never writes prometheus.bearerToken or prometheus.password.
void writeProfile(QSettings &settings, const Profile &profile);

} // namespace Specula::Profiles
