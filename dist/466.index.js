export const id = 466;
export const ids = [466];
export const modules = {

/***/ 8466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   spokeUnjoin: () => (/* binding */ spokeUnjoin)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

async function spokeUnjoin(config) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Mode '${config.mode}' is not available in this build.`, { input: 'mode' });
}


/***/ })

};
