// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading test inputs: the real published fixtures (shared/fixtures, through SPECULA_SHARED_DIR)
// and this repository's tests/data/kube.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace Specula::Test {

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

inline QByteArray sharedFixture(const QString &name)
{
    return readFile(qEnvironmentVariable("SPECULA_SHARED_DIR") + QStringLiteral("/fixtures/") + name);
}

inline QByteArray kubeTestData(const QString &name)
{
    return readFile(qEnvironmentVariable("SPECULA_SOURCE_DIR") + QStringLiteral("/tests/data/kube/") + name);
}

inline QJsonObject jsonObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// The items of a List document, for feeding single-object parsers or the simulator.
inline QList<QJsonObject> listItems(const QByteArray &json)
{
    QList<QJsonObject> items;
    const QJsonArray array = jsonObject(json).value(QLatin1String("items")).toArray();
    for (const QJsonValue &v : array)
        items.append(v.toObject());
    return items;
}

} // namespace Specula::Test
