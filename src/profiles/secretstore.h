// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "model/prometheussettings.h"

#include <QObject>
#include <functional>
#include <optional>

namespace QKeychain {
class Job;
}

namespace Specula::Profiles {

// The secrets of saved profiles, kept in the OS keychain (Secret Service, macOS Keychain,
// Windows Credential Manager) under the service "specula" and the key
// "profile/<name>/<secret>", never in a file. Every call answers exactly once, later, through
// its callback, unless the store is destroyed first. Secrets are never logged.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Secret { PrometheusToken, PrometheusPassword };
    using ReadCallback = std::function<void(const Core::Result<QString> &)>;
    // std::nullopt on success.
    using DoneCallback = std::function<void(const std::optional<Core::Error> &)>;
    using SettingsCallback = std::function<void(const Core::Result<Model::PrometheusSettings> &)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    static QString serviceName();
    static QString key(const QString &profile, Secret secret);

    // A missing entry is an Error of kind NotFound.
    void read(const QString &profile, Secret secret, ReadCallback done);
    void write(const QString &profile, Secret secret, const QString &value, DoneCallback done);
    // A missing entry counts as removed.
    void remove(const QString &profile, Secret secret, DoneCallback done);

    // For deleting a profile: removes all of its secrets.
    void removeProfile(const QString &profile, DoneCallback done);
    // For renaming a profile: its secrets move to the new name.
    void moveProfile(const QString &from, const QString &to, DoneCallback done);

    // The token and password a profile keeps for its Prometheus URL, filled in where `settings`
    // has none (what the command line gave wins). Entries that do not exist stay empty.
    void addPrometheusSecrets(const QString &profile, const Model::PrometheusSettings &settings, SettingsCallback done);

private:
    using SecretStep = std::function<void(Secret, DoneCallback)>;
    // Runs step for every kind of secret, one after the other; stops at the first error.
    void forEachSecret(const SecretStep &step, const DoneCallback &done, size_t index = 0);
    void start(QKeychain::Job *job, const QString &key, std::function<void(QKeychain::Job *)> finished);
};

} // namespace Specula::Profiles
