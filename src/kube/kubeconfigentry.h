// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <yaml-cpp/yaml.h>

namespace Specula::Kube {

// One named entry of a kubeconfig file (a cluster, context or user) with the file it came from,
// so that every field read can fail with the file, the line, the entry and the field.
// Internal to the kubeconfig code: yaml-cpp stays out of the public headers.
class KubeConfigEntry
{
public:
    KubeConfigEntry() = default;
    KubeConfigEntry(QString kind, QString name, QString file, YAML::Node body, int line);

    bool isValid() const { return !m_kind.isEmpty(); }
    const QString &kind() const { return m_kind; } // "cluster", "context", "user"
    const QString &name() const { return m_name; }
    const QString &file() const { return m_file; }
    QString directory() const;
    int line() const { return m_line; } // 1-based; 0 when unknown
    const YAML::Node &body() const { return m_body; }

    bool has(const char *key) const;
    // Absent or null: an empty string. A map or list where text belongs is an error.
    Core::Result<QString> string(const char *key) const;
    Core::Result<bool> boolean(const char *key, bool fallback = false) const;
    // Base64 field: `kubectl config view` placeholders and non-base64 text are errors.
    Core::Result<QByteArray> base64(const char *key) const;
    // A list of strings; absent or null gives an empty list.
    Core::Result<QStringList> stringList(const char *key) const;
    // A path relative to the directory of the file that names it, as kubectl resolves it.
    QString resolvePath(const QString &path) const;
    // Reads a file named by `key` (already resolved).
    Core::Result<QByteArray> readFile(const char *key, const QString &path) const;

    // The map under `key` as an entry of its own, whose errors name the field "key.sub".
    KubeConfigEntry child(const char *key) const;
    // YAML to JSON as kubectl converts it (plain scalars become numbers, booleans or null).
    static QJsonValue toJson(const YAML::Node &node);

    YAML::Node node(const char *key) const;
    int lineOf(const char *key) const;
    // "file:line" and "<kind> "<name>": <key>: <message>".
    Core::Error error(const char *key, const QString &message) const;
    Core::Error error(const QString &message) const;

    // A file:line location for an arbitrary node of this file.
    static QString where(const QString &file, int line);

private:
    QString m_kind;
    QString m_name;
    QString m_file;
    YAML::Node m_body;
    int m_line = 0;
    QString m_prefix; // "exec." for fields of a child map
};

} // namespace Specula::Kube
