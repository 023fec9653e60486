// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "profiles/profile.h"

#include <QList>
#include <optional>

namespace Specula::Kube {
class KubeConfig;
}

namespace Specula::Profiles {

// The saved profiles and the last one used, in one INI file (profiles.ini). Loading never fails
// as a whole: what cannot be used is skipped or left at its default, and load() says so.
class ProfileStore
{
public:
    explicit ProfileStore(QString path = defaultPath());

    // $SPECULA_PROFILES_FILE, else profiles.ini in the application's configuration folder.
    static QString defaultPath();
    QString path() const { return m_path; }

    // Replaces the profiles with the file's. A missing file is a first run: no profiles, no
    // problem. Returns one Config error per problem, each naming the file.
    QList<Core::Error> load();
    // Replaces the file in one step, or leaves it untouched and says why.
    std::optional<Core::Error> save() const;

    QList<Profile> profiles() const { return m_profiles; }
    void setProfiles(const QList<Profile> &profiles) { m_profiles = profiles; }
    std::optional<Profile> find(const QString &name) const;

    QString lastUsed() const { return m_lastUsed; }
    void setLastUsed(const QString &name) { m_lastUsed = name; }

    // The first run: one profile per kubeconfig context, found automatically.
    void createFromKubeconfig(const Kube::KubeConfig &config);

private:
    QString m_path;
    QList<Profile> m_profiles;
    QString m_lastUsed;
};

} // namespace Specula::Profiles
