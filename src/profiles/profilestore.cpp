// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/profilestore.h"

#include "kube/kubeconfig.h"
#include "profiles/profileini.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace Specula::Profiles {
namespace {

const QString versionKey = QStringLiteral("version");
const QString lastUsedKey = QStringLiteral("lastUsed");
const QString profilesArray = QStringLiteral("profiles");
constexpr int formatVersion = 1;

Core::Error problem(const QString &path, const QString &message)
{
    Core::Error error;
    error.kind = Core::Error::Kind::Config;
    error.where = path;
    error.message = message;
    return error;
}

} // namespace

ProfileStore::ProfileStore(QString path)
    : m_path(std::move(path))
{ }

QString ProfileStore::defaultPath()
{
    const QString chosen = qEnvironmentVariable("SPECULA_PROFILES_FILE");
    if (!chosen.isEmpty())
        return chosen;
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/profiles.ini");
}

QList<Core::Error> ProfileStore::load()
{
    m_profiles.clear();
    m_lastUsed.clear();
    const QFileInfo info(m_path);
    if (!info.exists())
        return {};
    if (!info.isFile() || !info.isReadable())
        return { problem(m_path, QStringLiteral("cannot read the file; no profiles loaded")) };

    QSettings settings(m_path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return { problem(m_path, QStringLiteral("not a valid settings file; no profiles loaded")) };
    // Anything without the version line (garbage bytes included) is not ours to interpret.
    const QString version = settings.value(versionKey).toString();
    if (version != QString::number(formatVersion)) {
        return { problem(m_path,
                         QStringLiteral("not a Specula profiles file (version '%1', expected %2); no profiles loaded")
                             .arg(version)
                             .arg(formatVersion)) };
    }

    QList<Core::Error> problems;
    const int count = settings.beginReadArray(profilesArray);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        const QString label = QStringLiteral("profile %1").arg(i + 1);
        auto profile = readProfile(settings);
        if (!profile) {
            problems.append(problem(
                m_path,
                QStringLiteral("%1: %2 %3; skipped").arg(label, profile.error().where, profile.error().message)));
        } else if (profile->name.isEmpty()) {
            problems.append(problem(m_path, QStringLiteral("%1 has no name; skipped").arg(label)));
        } else if (find(profile->name)) {
            problems.append(problem(
                m_path, QStringLiteral("%1: the name '%2' is already taken; skipped").arg(label, profile->name)));
        } else {
            m_profiles.append(profile.value());
        }
    }
    settings.endArray();
    m_lastUsed = settings.value(lastUsedKey).toString();
    return problems;
}

// QSettings writes its file in place, so a full disk or a crash halfway would leave half a file.
// It writes a draft in a private temporary folder instead, and QSaveFile puts the draft's bytes
// in place with one rename: a save that fails at any point leaves the old file as it was.
std::optional<Core::Error> ProfileStore::save() const
{
    const QTemporaryDir scratch;
    if (!scratch.isValid())
        return problem(m_path, QStringLiteral("cannot create a temporary folder: %1").arg(scratch.errorString()));
    const QString draftPath = scratch.filePath(QStringLiteral("profiles.ini"));
    {
        QSettings draft(draftPath, QSettings::IniFormat);
        draft.setValue(versionKey, formatVersion);
        draft.setValue(lastUsedKey, m_lastUsed);
        draft.beginWriteArray(profilesArray, int(m_profiles.size()));
        for (int i = 0; i < m_profiles.size(); ++i) {
            draft.setArrayIndex(i);
            writeProfile(draft, m_profiles.at(i));
        }
        draft.endArray();
        draft.sync();
        if (draft.status() != QSettings::NoError)
            return problem(draftPath, QStringLiteral("cannot write the draft of the profiles"));
    }
    QFile draftFile(draftPath);
    if (!draftFile.open(QIODevice::ReadOnly))
        return problem(draftPath, QStringLiteral("cannot read the draft back: %1").arg(draftFile.errorString()));
    const QByteArray bytes = draftFile.readAll();

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return problem(m_path, QStringLiteral("cannot save the profiles: %1").arg(file.errorString()));
    return std::nullopt;
}

std::optional<Profile> ProfileStore::find(const QString &name) const
{
    for (const Profile &profile : m_profiles) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

// The profiles keep no kubeconfig path: the first run's kubeconfig is the one the KUBECONFIG
// rules find, and they will find it again.
void ProfileStore::createFromKubeconfig(const Kube::KubeConfig &config)
{
    m_profiles.clear();
    for (const QString &context : config.contextNames()) {
        Profile profile;
        profile.name = context;
        profile.context = context;
        m_profiles.append(profile);
    }
}

} // namespace Specula::Profiles
