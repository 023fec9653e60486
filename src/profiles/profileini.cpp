// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/profileini.h"

#include <QSettings>
#include <optional>

namespace Specula::Profiles {
namespace {

const QString nameKey = QStringLiteral("name");
const QString kubeconfigKey = QStringLiteral("kubeconfig");
const QString contextKey = QStringLiteral("context");
const QString prometheusKey = QStringLiteral("prometheus");
const QString userKey = QStringLiteral("prometheusUser");
const QString headersKey = QStringLiteral("prometheusHeaders");
const QString caKey = QStringLiteral("prometheusCa");
const QString insecureKey = QStringLiteral("prometheusInsecure");
const QString refreshKey = QStringLiteral("refreshSeconds");
const QString namespacesKey = QStringLiteral("namespaces");

Core::Error badValue(const QString &key, const QString &message)
{
    Core::Error error;
    error.kind = Core::Error::Kind::Config;
    error.where = key;
    error.message = message;
    return error;
}

// Reads the keys of one entry and keeps the first problem, so readProfile() reads like the
// list of keys it is.
class EntryReader
{
public:
    explicit EntryReader(const QSettings &settings)
        : m_settings(settings)
    { }

    std::optional<Core::Error> error;

    // QSettings turns "a, b" into a list and @Variant(...) into any type; a key that holds one
    // value must hold plain text.
    QString text(const QString &key)
    {
        const QVariant value = m_settings.value(key);
        if (value.isValid() && value.typeId() != QMetaType::QString)
            fail(key, QStringLiteral("is not a single text value"));
        return value.toString();
    }

    QStringList textList(const QString &key)
    {
        const QVariant value = m_settings.value(key);
        if (!value.isValid() || (value.typeId() == QMetaType::QString && value.toString().isEmpty()))
            return {};
        if (value.typeId() != QMetaType::QString && value.typeId() != QMetaType::QStringList)
            fail(key, QStringLiteral("is not a list of text values"));
        return value.toStringList();
    }

    bool boolean(const QString &key)
    {
        const QString value = text(key);
        if (value != QLatin1String("true") && value != QLatin1String("false") && !value.isEmpty())
            fail(key, QStringLiteral("'%1' is not true or false").arg(value));
        return value == QLatin1String("true");
    }

    int positive(const QString &key, int fallback)
    {
        const QString value = text(key);
        if (value.isEmpty())
            return fallback;
        bool ok = false;
        const int number = value.toInt(&ok);
        if (!ok || number <= 0)
            fail(key, QStringLiteral("'%1' is not a positive whole number").arg(value));
        return number;
    }

    Model::PrometheusSettings prometheus(const QString &key)
    {
        auto settings = Model::PrometheusSettings::parse(text(key));
        if (!settings) {
            fail(key, settings.error().message);
            return {};
        }
        return settings.value();
    }

    QList<QPair<QByteArray, QByteArray>> headers(const QString &key)
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        for (const QString &line : textList(key)) {
            auto header = Model::PrometheusSettings::parseHeader(line);
            if (!header)
                fail(key, header.error().message);
            else
                headers.append(header.value());
        }
        return headers;
    }

private:
    void fail(const QString &key, const QString &message)
    {
        if (!error)
            error = badValue(key, message);
    }

    const QSettings &m_settings;
};

} // namespace

Core::Result<Profile> readProfile(const QSettings &settings)
{
    EntryReader entry(settings);
    Profile profile;
    profile.name = entry.text(nameKey);
    profile.kubeconfig = entry.text(kubeconfigKey);
    profile.context = entry.text(contextKey);
    profile.prometheus = entry.prometheus(prometheusKey);
    profile.prometheus.username = entry.text(userKey);
    profile.prometheus.headers = entry.headers(headersKey);
    profile.prometheus.caFile = entry.text(caKey);
    profile.prometheus.insecureSkipTlsVerify = entry.boolean(insecureKey);
    profile.refreshSeconds = entry.positive(refreshKey, profile.refreshSeconds);
    profile.namespaces = entry.textList(namespacesKey);
    if (entry.error)
        return *entry.error;
    return profile;
}

void writeProfile(QSettings &settings, const Profile &profile)
{
    settings.setValue(nameKey, profile.name);
    settings.setValue(kubeconfigKey, profile.kubeconfig);
    settings.setValue(contextKey, profile.context);
    settings.setValue(prometheusKey, profile.prometheus.spec());
    settings.setValue(userKey, profile.prometheus.username);
    QStringList headers;
    for (const auto &[header, value] : profile.prometheus.headers)
        headers.append(QString::fromLatin1(header) + QStringLiteral(": ") + QString::fromUtf8(value));
    settings.setValue(headersKey, headers);
    settings.setValue(caKey, profile.prometheus.caFile);
    settings.setValue(insecureKey, profile.prometheus.insecureSkipTlsVerify);
    settings.setValue(refreshKey, profile.refreshSeconds);
    settings.setValue(namespacesKey, profile.namespaces);
}

} // namespace Specula::Profiles
