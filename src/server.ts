// react-stigg/server: the backend proxy. Every export is named here on purpose.
