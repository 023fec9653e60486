// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/secretstore.h"

#include <array>
#include <qt6keychain/keychain.h>

namespace Specula::Profiles {
namespace {

constexpr std::array allSecrets { SecretStore::Secret::PrometheusToken, SecretStore::Secret::PrometheusPassword };

Core::Error keychainError(const QKeychain::Job &job)
{
    Core::Error error;
    error.where = QStringLiteral("keychain %1 %2").arg(SecretStore::serviceName(), job.key());
    error.kind = Core::Error::Kind::Auth;
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        error.kind = Core::Error::Kind::NotFound;
        error.message = QStringLiteral("no such entry");
        break;
    case QKeychain::NoBackendAvailable:
        error.message = QStringLiteral("no keychain is available (%1)").arg(job.errorString());
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        error.message = QStringLiteral("access to the keychain was denied (%1)").arg(job.errorString());
        break;
    default:
        error.message = QStringLiteral("the keychain failed: %1").arg(job.errorString());
        break;
    }
    return error;
}

std::optional<Core::Error> outcome(const QKeychain::Job &job)
{
    if (job.error() == QKeychain::NoError)
        return std::nullopt;
    return keychainError(job);
}

bool isNotFound(const std::optional<Core::Error> &error)
{
    return error && error->kind == Core::Error::Kind::NotFound;
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{ }

SecretStore::~SecretStore() = default;

QString SecretStore::serviceName()
{
    return QStringLiteral("specula");
}

QString SecretStore::key(const QString &profile, Secret secret)
{
    const QString name = secret == Secret::PrometheusToken ? QStringLiteral("prometheus-token")
                                                           : QStringLiteral("prometheus-password");
    return QStringLiteral("profile/%1/%2").arg(profile, name);
}

void SecretStore::start(QKeychain::Job *job, const QString &key, std::function<void(QKeychain::Job *)> finished)
{
    // Never a plain file: without a keychain the job fails instead.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, std::move(finished));
    job->start();
}

void SecretStore::read(const QString &profile, Secret secret, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    start(job, key(profile, secret), [job, done = std::move(done)](QKeychain::Job *) {
        if (auto error = outcome(*job))
            done(*error);
        else
            done(job->textData());
    });
}

void SecretStore::write(const QString &profile, Secret secret, const QString &value, DoneCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setTextData(value);
    start(job, key(profile, secret), [done = std::move(done)](QKeychain::Job *job) { done(outcome(*job)); });
}

void SecretStore::remove(const QString &profile, Secret secret, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    start(job, key(profile, secret), [done = std::move(done)](QKeychain::Job *job) {
        const auto error = outcome(*job);
        done(isNotFound(error) ? std::nullopt : error);
    });
}

void SecretStore::forEachSecret(const SecretStep &step, const DoneCallback &done, size_t index)
{
    if (index == allSecrets.size()) {
        done(std::nullopt);
        return;
    }
    step(allSecrets.at(index), [this, step, done, index](const std::optional<Core::Error> &error) {
        if (error)
            done(error);
        else
            forEachSecret(step, done, index + 1);
    });
}

void SecretStore::removeProfile(const QString &profile, DoneCallback done)
{
    forEachSecret([this, profile](Secret secret, DoneCallback next) { remove(profile, secret, std::move(next)); },
                  done);
}

void SecretStore::moveProfile(const QString &from, const QString &to, DoneCallback done)
{
    forEachSecret(
        [this, from, to](Secret secret, DoneCallback next) {
            read(from, secret, [this, from, to, secret, next](const Core::Result<QString> &value) {
                if (!value) {
                    next(value.error().kind == Core::Error::Kind::NotFound ? std::nullopt
                                                                           : std::optional(value.error()));
                    return;
                }
                // Written under the new name before the old one goes, so a failure loses nothing.
                write(to, secret, value.value(), [this, from, secret, next](const std::optional<Core::Error> &error) {
                    if (error)
                        next(error);
                    else
                        remove(from, secret, next);
                });
            });
        },
        done);
}

void SecretStore::addPrometheusSecrets(const QString &profile, const Model::PrometheusSettings &settings,
                                       SettingsCallback done)
{
    auto filled = std::make_shared<Model::PrometheusSettings>(settings);
    forEachSecret(
        [this, profile, filled](Secret secret, DoneCallback next) {
            auto field = [filled, secret]() -> QString & {
                return secret == Secret::PrometheusToken ? filled->bearerToken : filled->password;
            };
            if (!field().isEmpty()) {
                next(std::nullopt);
                return;
            }
            read(profile, secret, [field, next](const Core::Result<QString> &value) {
                if (value)
                    field() = value.value();
                next(value || value.error().kind == Core::Error::Kind::NotFound ? std::nullopt
                                                                                : std::optional(value.error()));
            });
        },
        [filled, done](const std::optional<Core::Error> &error) {
            if (error)
                done(*error);
            else
                done(*filled);
        });
}

} // namespace Specula::Profiles
